/**
 * What a department needs to know about a patient before acting for them (admitting, billing,
 * prescribing): do they exist, are they archived, what are they allergic to. The patients
 * department owns the answer; the others ask it over gRPC on behalf of the caller (never by
 * reading its tables), so the patients service applies its own role rules to the same caller and
 * its logs show who asked, under the same request id.
 */
import type { PatientsClient } from '@hospital/grpc-contracts';
import { callMetadata } from '../grpc-metadata.ts';
import type { ForwardedCall } from './care-rule.ts';

/** The facts about a patient that other departments check. */
export interface PatientFacts {
  /** Patient UUID. */
  id: string;
  /** True once archived: no new admissions, invoices or prescriptions. */
  archived: boolean;
  /** Allergies as recorded. */
  allergies: string[];
}

/** Looks patients up in the patients department. */
export interface PatientDirectory {
  /**
   * One patient, or undefined when the patients department knows no such id.
   * @param patientId - patient UUID
   * @param call - the call being served (its identity and request id are forwarded)
   */
  find(patientId: string, call: ForwardedCall): Promise<PatientFacts | undefined>;
}

/** The patients gRPC service (GetPatients) as a {@link PatientDirectory}. */
export class GrpcPatientDirectory implements PatientDirectory {
  /** @param client - promise client of the patients service */
  constructor(private readonly client: PatientsClient) {}

  async find(patientId: string, call: ForwardedCall): Promise<PatientFacts | undefined> {
    const { patients } = await this.client.getPatients({ ids: [patientId] }, { metadata: callMetadata(call.identityToken, call.requestId) });
    // A UUID names the same patient in either case; the department answers in lower case.
    const wanted = patientId.toLowerCase();
    const patient = patients.find((candidate) => candidate.id.toLowerCase() === wanted);
    return patient ? { id: patient.id, archived: patient.archived, allergies: patient.allergies } : undefined;
  }
}
