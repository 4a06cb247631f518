/** Per-request loaders of the patients subgraph. */
import type { PatientsClient, Patient__Output } from '@hospital/grpc-contracts';
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
