/** CreateInvoice: opens a DRAFT for an existing, non-archived patient. */
import type { CreateInvoiceRequest__Output, Invoice } from '@hospital/grpc-contracts';
import { invalidInput, notFound, parseRequest, type CallScope } from '@hospital/service-kit';
import type { FinanceDeps } from '../finance-deps.ts';
import { createInvoiceSchema } from './create-invoice.schema.ts';
import { toProtoInvoice } from './to-proto-invoice.ts';
import { userIdOf } from './user-id.ts';

/**
 * Creates a DRAFT invoice. The patient is checked with the patients department, as the caller.
 * @param request - patient, currency, optional appointment or admission
 * @param deps - invoice storage and patient directory
 * @param scope - the call (identity forwarded to the patients service)
 */
export async function createInvoiceHandler(request: CreateInvoiceRequest__Output, deps: Pick<FinanceDeps, 'invoices' | 'patients'>, scope: CallScope): Promise<Invoice> {
  const input = parseRequest(createInvoiceSchema, request);
  const patient = await deps.patients.find(input.patientId, scope);
  if (!patient) throw notFound('No patient with this id.');
  if (patient.archived) throw invalidInput('The patient record is archived and can no longer be billed.', 'patientId');
  const invoice = await deps.invoices.create({ ...input, createdBy: userIdOf(scope) });
  scope.logger.info({ invoiceId: invoice.id, patientId: invoice.patientId }, 'invoice created');
  return toProtoInvoice(invoice);
}
