/**
 * ParticipantDirectory over the patients and identity gRPC services. Calls forward the caller's
 * signed identity and request id, so the other departments apply their own rules to the same
 * caller and their log lines join this request's. The patient half is the service kit's
 * GrpcPatientDirectory (the one reading of GetPatients that ward, finance and pharmacy use too).
 */
import type { IdentityClient, PatientsClient } from '@hospital/grpc-contracts';
import { invalidInput, notFound } from '@hospital/service-kit';
import { callMetadata, GrpcPatientDirectory, type CallScope, type PatientDirectory } from '@hospital/service-kit/grpc';
import type { ParticipantDirectory } from './participant-directory.ts';

/** The gRPC participant directory. */
export class GrpcParticipantDirectory implements ParticipantDirectory {
  private readonly patients: PatientDirectory;

  /**
   * @param clients - promise clients of the patients and identity services
   */
  constructor(private readonly clients: { patients: PatientsClient; identity: IdentityClient }) {
    this.patients = new GrpcPatientDirectory(clients.patients);
  }

  async assertBookablePatient(patientId: string, scope: CallScope): Promise<void> {
    const patient = await this.patients.find(patientId, scope);
    if (!patient) throw notFound('No patient with this id.');
    if (patient.archived) throw invalidInput('This patient record is archived; appointments cannot be booked for it.', 'patientId');
  }

  async assertActiveDoctor(doctorId: string, scope: CallScope): Promise<void> {
    const { users } = await this.clients.identity.getUsers({ ids: [doctorId] }, { metadata: callMetadata(scope.identityToken, scope.requestId) });
    const user = users[0];
    if (!user) throw notFound('No user with this doctor id.');
    if (user.role !== 'ROLE_DOCTOR') throw invalidInput('Appointments are booked with doctors; this user is not one.', 'doctorId');
    if (!user.active) throw invalidInput('This doctor is no longer active.', 'doctorId');
  }
}
