/**
 * Per-request loaders of the finance subgraph: N invoice references, or N patients' invoices or
 * balances in one request, cost ONE gRPC call per kind.
 */
import DataLoader from 'dataloader';
import type { FinanceClient, Invoice__Output, InvoiceStatusProto } from '@hospital/grpc-contracts';
import { callGrpc, defineIdLoader, defineLoader, definePatientArgsLoader, requestCallOptions, type LoaderKey } from '@hospital/subgraph-kit';
import type { MoneyModel } from './mappers.ts';

/** Which invoices of a patient `Patient.invoices` asks for. */
export interface PatientInvoicesKey {
  patientId: string;
  /** Proto status filter (UNSPECIFIED for any). */
  status: InvoiceStatusProto;
  /** How many, already capped. */
  first: number;
}

/** The loader kinds, declared once per subgraph. */
export interface FinanceLoaders {
  /** Invoices by id. */
  invoices: LoaderKey<string, Invoice__Output>;
  /** A patient's newest invoices; keys with the same status and size share one call. */
  invoicesOfPatient: LoaderKey<PatientInvoicesKey, Invoice__Output[]>;
  /** What a patient owes, per currency. */
  balanceOfPatient: LoaderKey<string, MoneyModel[]>;
}

/**
 * Patient invoices: one GetPatientInvoices call per distinct (status, first) in the batch —
 * in practice one, since a query asks every patient the same way.
 * @param client - the finance gRPC client
 */
function patientInvoicesLoader(client: FinanceClient): LoaderKey<PatientInvoicesKey, Invoice__Output[]> {
  return definePatientArgsLoader('invoicesOfPatient', {
    argsOf: (key) => `${key.status}/${key.first}`,
    fetch: async (group, options) => {
      const { status, first } = group[0]!;
      const response = await callGrpc(client.getPatientInvoices({ patientIds: group.map((k) => k.patientId), status, first }, options));
      return response.patients.map((entry) => [entry.patientId, entry.invoices] as const);
    },
    missing: [],
  });
}

/**
 * Declares the finance subgraph's loaders over its gRPC client.
 * @param client - the finance gRPC client
 */
export function createFinanceLoaders(client: FinanceClient): FinanceLoaders {
  return {
    invoices: defineIdLoader('invoices', async (ids, options) => (await callGrpc(client.getInvoices({ ids }, options))).invoices),
    invoicesOfPatient: patientInvoicesLoader(client),
    balanceOfPatient: defineLoader(
      'balanceOfPatient',
      (ctx) =>
        new DataLoader<string, MoneyModel[] | null>(async (patientIds) => {
          const response = await callGrpc(client.getPatientBalances({ patientIds: [...patientIds] }, requestCallOptions(ctx)));
          const byPatient = new Map(response.patients.map((entry) => [entry.patientId, entry.outstanding]));
          return patientIds.map((id) => byPatient.get(id) ?? []);
        }),
    ),
  };
}
