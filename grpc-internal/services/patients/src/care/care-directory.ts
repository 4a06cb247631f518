/**
 * Who cares for a patient, as the departments that know it answer: the appointments department
 * (which doctor has which appointments) and the ward department (who works on the ward a patient
 * lies on). The patients service asks them on behalf of the caller and never reads their tables.
 */
import type { CallScope } from '@hospital/service-kit/grpc';

/** The call being served: its identity and request id are forwarded. */
export type ForwardedCall = Pick<CallScope, 'identityToken' | 'requestId'>;

/** Care relationships, asked of the owning departments. */
export interface CareDirectory {
  /**
   * True when the calling doctor has an appointment with the patient that is booked, checked in
   * or completed (cancelled and missed appointments are no relationship).
   * @param doctorId - the calling doctor
   * @param patientId - the patient
   * @param call - the call being served
   */
  doctorSeesPatient(doctorId: string, patientId: string, call: ForwardedCall): Promise<boolean>;
  /**
   * True when the patient is admitted now to a ward the calling staff member is assigned to.
   * @param patientId - the patient
   * @param call - the call being served (the ward department scopes admissions to the caller)
   */
  wardHoldsPatient(patientId: string, call: ForwardedCall): Promise<boolean>;
}

/** No department to ask: nobody has a care relationship, so only admins change allergies. */
export const NO_CARE_DIRECTORY: CareDirectory = {
  doctorSeesPatient: async () => false,
  wardHoldsPatient: async () => false,
};
