/**
 * Object-level rules on top of the role admission in service.ts: a doctor works on their own
 * appointments; admins (and the system's own services) on anyone's. Pure functions of the caller.
 */
import { forbidden, invalidInput, type Caller } from '@hospital/service-kit';

/** Changes a doctor may only make to their own appointments. Check-in is reception's job for anyone. */
export type OwnedAction = 'book' | 'reschedule' | 'cancel' | 'complete' | 'mark as a no-show';

/**
 * The doctor a booking is for. A doctor who names nobody books for themself and may not book for
 * a colleague; an admin or a service must name the doctor.
 * @param caller - who is booking
 * @param requested - the doctorId of the request, if any
 */
export function bookingDoctor(caller: Caller, requested: string | undefined): string {
  if (caller.kind === 'user' && caller.role === 'doctor') {
    if (requested !== undefined && requested !== caller.userId) throw forbidden('A doctor may only book their own appointments.');
    return caller.userId;
  }
  if (caller.kind === 'anonymous') throw forbidden();
  if (requested === undefined) throw invalidInput('Name the doctor the appointment is with.', 'doctorId');
  return requested;
}

/**
 * Throws FORBIDDEN when a doctor acts on a colleague's appointment.
 * @param caller - who is acting
 * @param doctorId - the appointment's doctor
 * @param action - what they are doing, for the message
 */
export function assertMayChange(caller: Caller, doctorId: string, action: OwnedAction): void {
  if (caller.kind === 'user' && caller.role === 'doctor' && caller.userId !== doctorId) {
    throw forbidden(`A doctor may only ${action} their own appointments.`);
  }
}

/**
 * The doctor filter of a listing: a doctor who names neither a doctor nor a patient sees their own
 * schedule; everyone else gets what they asked for.
 * @param caller - who is listing
 * @param filter - the doctorId and patientId of the request, if any
 */
export function listingDoctor(caller: Caller, filter: { doctorId?: string; patientId?: string }): string | undefined {
  if (filter.doctorId !== undefined || filter.patientId !== undefined) return filter.doctorId;
  return caller.kind === 'user' && caller.role === 'doctor' ? caller.userId : undefined;
}

/**
 * The user recorded as having made a change; null when one of the system's services made it.
 * @param caller - who is acting
 */
export function actorIdOf(caller: Caller): string | null {
  return caller.kind === 'user' ? caller.userId : null;
}
