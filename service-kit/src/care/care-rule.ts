/**
 * THE care-relationship rule: who is one of a patient's carers, for every department that guards
 * a patient's record by it (the patients department's allergy changes, the clinical record). The
 * facts come from the departments that own them (the appointments department knows which doctor
 * sees which patient, the ward department who works where a patient lies), asked through a
 * {@link CareDirectory} on the caller's behalf; the rule itself is decided here, once:
 * - an admin, or one of the system's own services, passes;
 * - a doctor with a booked, checked-in or completed appointment with the patient (cancelled and
 *   missed appointments are no relationship);
 * - ward staff assigned to the ward the patient is admitted to now;
 * - anyone else (pharmacists, finance, apps acting without a user) has none.
 * A department adds its own narrower exceptions on top (the clinical record: a record's author).
 */
import type { CallScope } from '../grpc-handler.ts';
import type { Caller } from '../identity-token.ts';
import { distinctIds } from '../validation.ts';

/** The call being served: its identity and request id are forwarded to the departments asked. */
export type ForwardedCall = Pick<CallScope, 'identityToken' | 'requestId'>;

/** Care relationships, asked of the owning departments (one call per question, however many patients). */
export interface CareDirectory {
  /**
   * Which of the patients the doctor has a booked, checked-in or completed appointment with.
   * @param doctorId - the calling doctor
   * @param patientIds - the patients
   * @param call - the call being served
   * @returns lower-case patient ids
   */
  patientsOfDoctor(doctorId: string, patientIds: readonly string[], call: ForwardedCall): Promise<Set<string>>;
  /**
   * Which of the patients are admitted now to a ward the calling staff member is assigned to.
   * @param patientIds - the patients
   * @param call - the call being served (the ward department scopes admissions to the caller)
   * @returns lower-case patient ids
   */
  patientsOnCallersWards(patientIds: readonly string[], call: ForwardedCall): Promise<Set<string>>;
}

/** No department to ask: nobody has a care relationship, so only admins and services pass. */
export const NO_CARE_DIRECTORY: CareDirectory = {
  patientsOfDoctor: async () => new Set(),
  patientsOnCallersWards: async () => new Set(),
};

/** True for the callers the rule lets through without asking: admins and the system's own services. */
export function passesCareRule(caller: Caller): boolean {
  return caller.kind === 'service' || (caller.kind === 'user' && caller.role === 'admin');
}

/**
 * The patients (of those named) the caller cares for, by the rule above.
 * @param caller - the verified caller
 * @param patientIds - the patients (any case; repeats allowed)
 * @param care - the owning departments
 * @param call - the call being served, forwarded
 * @returns lower-case patient ids
 */
export async function patientsInCare(caller: Caller, patientIds: readonly string[], care: CareDirectory, call: ForwardedCall): Promise<Set<string>> {
  const unique = distinctIds(patientIds);
  if (unique.length === 0) return new Set();
  if (passesCareRule(caller)) return new Set(unique);
  if (caller.kind !== 'user') return new Set();
  if (caller.role === 'doctor') return lowerCased(await care.patientsOfDoctor(caller.userId, unique, call));
  if (caller.role === 'ward_staff') return lowerCased(await care.patientsOnCallersWards(unique, call));
  return new Set();
}

/**
 * True when the caller cares for the patient.
 * @param caller - the verified caller
 * @param patientId - the patient
 * @param care - the owning departments
 * @param call - the call being served, forwarded
 */
export async function caresForPatient(caller: Caller, patientId: string, care: CareDirectory, call: ForwardedCall): Promise<boolean> {
  return (await patientsInCare(caller, [patientId], care, call)).has(patientId.toLowerCase());
}

const lowerCased = (ids: ReadonlySet<string>) => new Set([...ids].map((id) => id.toLowerCase()));
