/** Per-request loaders of the pharmacy subgraph: one gRPC call per kind of lookup per request. */
import DataLoader from 'dataloader';
import type { Drug__Output, PharmacyClient, Prescription__Output, PrescriptionStatus__Output } from '@hospital/grpc-contracts';
import { callGrpc, defineIdLoader, defineLoader, requestCallOptions, type LoaderKey } from '@hospital/subgraph-kit';

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
  return defineLoader(
    'patientPrescriptions',
    (context) =>
      new DataLoader<PatientPrescriptionsKey, Prescription__Output[] | null, string>(
        async (keys) => {
          const groups = new Map<string, PatientPrescriptionsKey[]>();
          for (const key of keys) groups.set(`${key.status}|${key.first}`, [...(groups.get(`${key.status}|${key.first}`) ?? []), key]);
          const found = new Map<string, Prescription__Output[]>();
          await Promise.all(
            [...groups.values()].map(async (group) => {
              const { status, first } = group[0]!;
              const request = { patientIds: [...new Set(group.map((k) => k.patientId))], status, first };
              const response = await callGrpc(client.listPatientPrescriptions(request, requestCallOptions(context)));
              for (const entry of response.patients) found.set(`${entry.patientId}|${status}|${first}`, entry.prescriptions);
            }),
          );
          return keys.map((k) => found.get(`${k.patientId}|${k.status}|${k.first}`) ?? []);
        },
        { cacheKeyFn: (k) => `${k.patientId}|${k.status}|${k.first}` },
      ),
  );
}
