/** Per-request loaders of the pharmacy subgraph: one gRPC call per kind of lookup per request. */
import type { Drug__Output, PharmacyClient, Prescription__Output, PrescriptionStatus__Output } from '@hospital/grpc-contracts';
import { callGrpc, defineIdLoader, definePatientArgsLoader, type LoaderKey } from '@hospital/subgraph-kit';

/**
 * Drugs by id: `Drug` references, `drug(id)`, `Prescription.drug` and `StockLot.drug` in one
 * request share ONE GetDrugs call.
 * @param client - the pharmacy gRPC client
 */
export function createDrugLoader(client: PharmacyClient): LoaderKey<string, Drug__Output> {
  return defineIdLoader('drugs', async (ids, options) => (await callGrpc(client.getDrugs({ ids }, options))).drugs);
}

/**
 * Prescriptions by id: `Prescription` references, `prescription(id)` and ledger rows share ONE
 * GetPrescriptions call.
 * @param client - the pharmacy gRPC client
 */
export function createPrescriptionLoader(client: PharmacyClient): LoaderKey<string, Prescription__Output> {
  return defineIdLoader('prescriptions', async (ids, options) => (await callGrpc(client.getPrescriptions({ ids }, options))).prescriptions);
}

/** One patient's prescriptions, with the field's arguments (they are part of the key). */
export interface PatientPrescriptionsKey {
  /** The patient. */
  patientId: string;
  /** Status filter (unspecified: any). */
  status: PrescriptionStatus__Output;
  /** How many. */
  first: number;
}

/**
 * `Patient.prescriptions` for N patients: one ListPatientPrescriptions call per distinct
 * (status, first) pair, which in practice is one call for the whole list of patients.
 * @param client - the pharmacy gRPC client
 */
export function createPatientPrescriptionsLoader(client: PharmacyClient): LoaderKey<PatientPrescriptionsKey, Prescription__Output[]> {
  return definePatientArgsLoader('patientPrescriptions', {
    argsOf: (key) => `${key.status}|${key.first}`,
    fetch: async (group, options) => {
      const { status, first } = group[0]!;
      const request = { patientIds: [...new Set(group.map((k) => k.patientId))], status, first };
      const response = await callGrpc(client.listPatientPrescriptions(request, options));
      return response.patients.map((entry) => [entry.patientId, entry.prescriptions] as const);
    },
    missing: [],
  });
}
