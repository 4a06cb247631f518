/**
 * GetPatientInvoices and GetPatientBalances: what the subgraph's `Patient.invoices` and
 * `Patient.balance` need for N patients, in one call each.
 */
import type { GetPatientBalancesRequest__Output, GetPatientBalancesResponse, GetPatientInvoicesRequest__Output, GetPatientInvoicesResponse } from '@hospital/grpc-contracts';
import { pageSize, parseRequest } from '@hospital/service-kit';
import type { FinanceDeps } from '../finance-deps.ts';
import { getPatientBalancesSchema, getPatientInvoicesSchema } from './list.schema.ts';
import { toProtoInvoice, toProtoMoney } from './to-proto-invoice.ts';

/**
 * The newest invoices of each patient, in request order (empty lists included).
 * @param request - patients, status filter, how many each
 * @param deps - invoice storage
 */
export async function getPatientInvoicesHandler(request: GetPatientInvoicesRequest__Output, deps: Pick<FinanceDeps, 'invoices'>): Promise<GetPatientInvoicesResponse> {
  const { patientIds, status, first } = parseRequest(getPatientInvoicesSchema, request);
  const perPatient = pageSize(first);
  const invoices = await deps.invoices.newestForPatients([...new Set(patientIds)], { status, perPatient });
  return {
    patients: patientIds.map((patientId) => ({
      patientId,
      // The repository returns newest first overall; filtering keeps that order per patient.
      invoices: invoices.filter((invoice) => invoice.patientId === patientId).map(toProtoInvoice),
    })),
  };
}

/**
 * What each patient still owes, per currency, in request order.
 * @param request - patients
 * @param deps - invoice storage
 */
export async function getPatientBalancesHandler(request: GetPatientBalancesRequest__Output, deps: Pick<FinanceDeps, 'invoices'>): Promise<GetPatientBalancesResponse> {
  const { patientIds } = parseRequest(getPatientBalancesSchema, request);
  const balances = await deps.invoices.outstandingBalances([...new Set(patientIds)]);
  return {
    patients: patientIds.map((patientId) => ({
      patientId,
      outstanding: balances
        .filter((balance) => balance.patientId === patientId && balance.amountMinor !== 0n)
        .map((balance) => toProtoMoney(balance.amountMinor, balance.currency)),
    })),
  };
}
