/**
 * What the ward needs to know about a patient before admitting them, asked of the patients
 * department over gRPC on behalf of the caller (never by reading its tables).
 */
import type { PatientsClient } from '@hospital/grpc-contracts';
import { callMetadata, type CallScope } from '@hospital/service-kit/grpc';

/** A patient as far as admissions care. */
export interface PatientStanding {
  /** Archived records take no new admissions. */
  archived: boolean;
}

/** Looks patients up in the patients department. */
export interface PatientDirectory {
  /**
   * The patient's standing; undefined when no such patient exists.
   * @param patientId - patient UUID
   * @param scope - the call being served (its identity and request id are forwarded)
   */
  find(patientId: string, scope: CallScope): Promise<PatientStanding | undefined>;
}

/** The patients gRPC service as a PatientDirectory. */
export class GrpcPatientDirectory implements PatientDirectory {
  /** @param client - promise client of the patients service */
  constructor(private readonly client: PatientsClient) {}

  async find(patientId: string, scope: CallScope): Promise<PatientStanding | undefined> {
    // The caller's own identity travels on: the patients service applies its own role rules.
    const { patients } = await this.client.getPatients({ ids: [patientId] }, { metadata: callMetadata(scope.identityToken, scope.requestId) });
    const patient = patients.find((p) => p.id === patientId);
    return patient ? { archived: patient.archived } : undefined;
  }
}
