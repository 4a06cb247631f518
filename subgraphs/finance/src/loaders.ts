/**
 * Per-request loaders of the finance subgraph: N invoice references, or N patients' invoices or
 * balances in one request, cost ONE gRPC call per kind.
 */
import DataLoader from 'dataloader';
import type { FinanceClient, Invoice__Output, InvoiceStatusProto } from '@hospital/grpc-contracts';
import { callGrpc, defineIdLoader, defineLoader, requestCallOptions, type LoaderKey, type SubgraphContext } from '@hospital/subgraph-kit';
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
 */
function patientInvoicesLoader(client: FinanceClient, ctx: SubgraphContext): DataLoader<PatientInvoicesKey, Invoice__Output[] | null, string> {
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, PatientInvoicesKey[]>();
      for (const key of keys) groups.set(`${key.status}/${key.first}`, [...(groups.get(`${key.status}/${key.first}`) ?? []), key]);
      const found = new Map<string, Invoice__Output[]>();
      await Promise.all(
        [...groups.values()].map(async (group) => {
          const { status, first } = group[0]!;
          const response = await callGrpc(client.getPatientInvoices({ patientIds: group.map((k) => k.patientId), status, first }, requestCallOptions(ctx)));
          for (const entry of response.patients) found.set(`${entry.patientId}/${status}/${first}`, entry.invoices);
        }),
      );
      return keys.map((key) => found.get(`${key.patientId}/${key.status}/${key.first}`) ?? []);
    },
    { cacheKeyFn: (key) => `${key.patientId}/${key.status}/${key.first}` },
  );
}

/**
 * Declares the finance subgraph's loaders over its gRPC client.
 * @param client - the finance gRPC client
 */
export function createFinanceLoaders(client: FinanceClient): FinanceLoaders {
  return {
    invoices: defineIdLoader('invoices', async (ids, options) => (await callGrpc(client.getInvoices({ ids }, options))).invoices),
    invoicesOfPatient: defineLoader('invoicesOfPatient', (ctx) => patientInvoicesLoader(client, ctx)),
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
