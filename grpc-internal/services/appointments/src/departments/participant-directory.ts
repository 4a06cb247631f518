/**
 * Who may take part in an appointment, as the departments that own them say: the patients
 * service knows whether a patient exists and is archived; the identity service whether a user is
 * an active doctor. Appointments only hold their ids.
 */
import type { CallScope } from '@hospital/service-kit/grpc';

/** Checks against other departments, on behalf of the caller. */
export interface ParticipantDirectory {
  /**
   * Throws NOT_FOUND for an unknown patient and BAD_USER_INPUT (field patientId) for an archived one.
   * @param patientId - patient UUID
   * @param scope - the call, whose identity is forwarded
   */
  assertBookablePatient(patientId: string, scope: CallScope): Promise<void>;
  /**
   * Throws NOT_FOUND for an unknown user and BAD_USER_INPUT (field doctorId) for one who is not
   * an active doctor.
   * @param doctorId - user UUID
   * @param scope - the call, whose identity is forwarded
   */
  assertActiveDoctor(doctorId: string, scope: CallScope): Promise<void>;
}
