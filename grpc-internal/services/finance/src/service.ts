/**
 * The FinanceService handlers map: who may call each method, and which handler serves it.
 * Every method goes through service-kit's `unary`, which checks the router's signed identity.
 */
import type { FinanceServiceHandlers } from '@hospital/grpc-contracts';
import { auditedChange, patientIdsOf, type RoleName } from '@hospital/service-kit';
import { unary, type HandlerSecurity } from '@hospital/service-kit/grpc';
import type { FinanceDeps } from './finance-deps.ts';
import { addInvoiceLineHandler } from './handlers/add-invoice-line.handler.ts';
import { createInvoiceHandler } from './handlers/create-invoice.handler.ts';
import { getInvoicesHandler } from './handlers/get-invoices.handler.ts';
import { issueInvoiceHandler } from './handlers/issue-invoice.handler.ts';
import { listInvoicesHandler } from './handlers/list-invoices.handler.ts';
import { getPatientBalancesHandler, getPatientInvoicesHandler } from './handlers/patient-billing.handler.ts';
import { recordPaymentHandler } from './handlers/record-payment.handler.ts';
import { removeInvoiceLineHandler } from './handlers/remove-invoice-line.handler.ts';
import { refundPaymentHandler } from './handlers/refund-payment.handler.ts';
import { voidInvoiceHandler } from './handlers/void-invoice.handler.ts';

/** Fully qualified service name, as health checks know it. */
export const FINANCE_SERVICE_NAME = 'hospital.finance.v1.FinanceService';

/**
 * Billing is the finance office's (and administrators'): clinical staff neither read nor change
 * invoices or balances, so money never becomes part of a clinical conversation by accident.
 */
export const BILLING_ROLES: readonly RoleName[] = ['admin', 'finance'];

/** A patient's bill is their data: every access is audited; changes return the invoice, naming its patient. */
const invoiceWrite = (fields: string[]) => auditedChange('Invoice', fields);
const paymentWrite = (fields: string[]) => ({
  resource: 'Invoice',
  returned: (result: { invoice?: { patientId?: string } | null }) => [result.invoice?.patientId ?? ''],
  fields: () => fields,
});

/**
 * Builds the handlers of FinanceService.
 * @param deps - invoice storage, patient directory and clock
 * @param security - internal secret and logger for the `unary` wrapper
 */
export function createFinanceHandlers(deps: FinanceDeps, security: HandlerSecurity): FinanceServiceHandlers {
  return {
    CreateInvoice: unary(BILLING_ROLES, (request, scope) => createInvoiceHandler(request, deps, scope), security, {
      audit: { ...invoiceWrite(['invoice']), requested: (request) => [request.patientId] },
    }),
    AddInvoiceLine: unary(BILLING_ROLES, (request, scope) => addInvoiceLineHandler(request, deps, scope), security, { audit: invoiceWrite(['lines']) }),
    IssueInvoice: unary(BILLING_ROLES, (request, scope) => issueInvoiceHandler(request, deps, scope), security, { audit: invoiceWrite(['status']) }),
    RemoveInvoiceLine: unary(BILLING_ROLES, (request, scope) => removeInvoiceLineHandler(request, deps, scope), security, { audit: invoiceWrite(['lines']) }),
    VoidInvoice: unary(BILLING_ROLES, (request, scope) => voidInvoiceHandler(request, deps, scope), security, { audit: invoiceWrite(['status']) }),
    RecordPayment: unary(BILLING_ROLES, (request, scope) => recordPaymentHandler(request, deps, scope), security, { audit: paymentWrite(['payments']) }),
    RefundPayment: unary(BILLING_ROLES, (request, scope) => refundPaymentHandler(request, deps, scope), security, { audit: paymentWrite(['refunds']) }),
    GetInvoices: unary(BILLING_ROLES, (request) => getInvoicesHandler(request, deps), security, {
      audit: { resource: 'Invoice', returned: (response) => patientIdsOf(response.invoices) },
    }),
    ListInvoices: unary(BILLING_ROLES, (request) => listInvoicesHandler(request, deps), security, {
      audit: { resource: 'Invoice', requested: (request) => [request.patientId], returned: (response) => patientIdsOf(response.invoices) },
    }),
    GetPatientInvoices: unary(BILLING_ROLES, (request) => getPatientInvoicesHandler(request, deps), security, {
      audit: {
        resource: 'Invoice',
        requested: (request) => request.patientIds,
        returned: (response) => (response.patients ?? []).filter((p) => (p.invoices ?? []).length > 0).map((p) => p.patientId ?? ''),
      },
    }),
    GetPatientBalances: unary(BILLING_ROLES, (request) => getPatientBalancesHandler(request, deps), security, {
      audit: { resource: 'Balance', requested: (request) => request.patientIds },
    }),
  };
}
