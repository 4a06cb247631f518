/**
 * What finance needs to know about patients, asked of the patients department over gRPC on
 * behalf of the caller (never by reading its tables).
 */
import type { PatientsClient } from '@hospital/grpc-contracts';
import { callMetadata, type CallScope } from '@hospital/service-kit/grpc';

/** A patient as billing sees it. */
export interface BillablePatient {
  /** UUID. */
  id: string;
  /** Archived records can no longer be billed. */
  archived: boolean;
}

/** Looks patients up. */
export interface PatientDirectory {
  /**
   * The patient, or undefined when there is none with this id.
   * @param patientId - UUID
   * @param scope - the call being served (its identity is forwarded)
   */
  find(patientId: string, scope: CallScope): Promise<BillablePatient | undefined>;
}

/** PatientDirectory over the patients gRPC service. */
export class GrpcPatientDirectory implements PatientDirectory {
  /** @param client - promise client of the patients service */
  constructor(private readonly client: PatientsClient) {}

  async find(patientId: string, scope: CallScope): Promise<BillablePatient | undefined> {
    // The caller's own identity travels on: the patients service applies its rules to them.
    const { patients } = await this.client.getPatients({ ids: [patientId] }, { metadata: callMetadata(scope.identityToken, scope.requestId) });
    const patient = patients.find((candidate) => candidate.id === patientId);
    return patient ? { id: patient.id, archived: patient.archived } : undefined;
  }
}
