/** PatientDirectory over the patients gRPC service (GetPatients), forwarding the caller. */
import type { PatientsClient } from '@hospital/grpc-contracts';
import { callMetadata, type CallScope } from '@hospital/service-kit/grpc';
import type { PatientDirectory, PatientFacts } from './patient-directory.ts';

/** Patients looked up over gRPC. */
export class GrpcPatientDirectory implements PatientDirectory {
  /** @param client - promise client of the patients service */
  constructor(private readonly client: PatientsClient) {}

  async find(id: string, scope: Pick<CallScope, 'identityToken' | 'requestId'>): Promise<PatientFacts | undefined> {
    // The caller's own identity travels on: the patients service applies its own role rules,
    // and its logs show who asked, under the same request id.
    const { patients } = await this.client.getPatients({ ids: [id] }, { metadata: callMetadata(scope.identityToken, scope.requestId) });
    const patient = patients.find((p) => p.id === id);
    return patient ? { id: patient.id, archived: patient.archived, allergies: patient.allergies } : undefined;
  }
}
