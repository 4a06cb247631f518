/** Per-request loaders of the patients subgraph. */
import DataLoader from 'dataloader';
import type { AllergyChange__Output, PatientsClient, Patient__Output } from '@hospital/grpc-contracts';
import { callGrpc, createBatchLoader, defineLoader, type LoaderKey } from '@hospital/subgraph-kit';

/**
 * Patients by id: every `Patient` reference and `patient(id)` in one request share ONE
 * GetPatients call.
 * @param client - the patients gRPC client
 */
export function createPatientLoader(client: PatientsClient): LoaderKey<string, Patient__Output> {
  return defineLoader('patients', (context) =>
    createBatchLoader(
      async (ids: readonly string[]) => (await callGrpc(client.getPatients({ ids: [...ids] }, { metadata: context.grpcMetadata() }))).patients,
      (patient) => patient.id,
    ),
  );
}

/**
 * Allergy histories by patient id: every `Patient.allergyHistory` in one request shares ONE
 * GetAllergyHistories call.
 * @param client - the patients gRPC client
 */
export function createAllergyHistoryLoader(client: PatientsClient): LoaderKey<string, AllergyChange__Output[]> {
  return defineLoader('allergyHistories', (context) =>
    new DataLoader<string, AllergyChange__Output[] | null>(async (patientIds) => {
      const { changes } = await callGrpc(client.getAllergyHistories({ patientIds: [...patientIds] }, { metadata: context.grpcMetadata() }));
      return patientIds.map((id) => changes.filter((change) => change.patientId === id));
    }),
  );
}
