/**
 * Object-level rules on top of the role admission in service.ts: a doctor sees and works on their
 * own appointments only; admins, ward staff (reception checks in and reads every schedule) and
 * the system's own services see everyone's. Another doctor's appointment is answered exactly like
 * an unknown id (left out of batches, NOT_FOUND for a change), so the answer never confirms that
 * it exists. Naming another doctor as a filter (booking for them, listing their schedule) is
 * FORBIDDEN, as for the appointmentEvents subscription: that names a user, not a record.
 * The doctor-visibility rule itself (`ownDoctorOf`, `doctorFilterOf`) is the department's contract
 * in `@hospital/grpc-contracts` (appointments-visibility.ts), shared with the subgraph and router.
 */
import { doctorFilterOf, ownDoctorOf } from '@hospital/grpc-contracts';
import { denyObjectAccess, forbidden, invalidInput, type Caller, type DomainError, type Logger } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';

export { ownDoctorOf };

/**
 * True when the caller may see (and, role permitting, change) an appointment of this doctor.
 * @param caller - the verified caller
 * @param doctorId - the appointment's doctor
 */
export function maySeeAppointment(caller: Caller, doctorId: string): boolean {
  const own = ownDoctorOf(caller);
  return own === undefined || own === doctorId;
}

/**
 * THE object-level refusal of the appointments department: every appointment a caller asked for
 * by id and may not see passes through here (one place for an audit trail to record denied
 * accesses), on to the kit's one object-access refusal; batch reads drop the NOT_FOUND it returns.
 * @param caller - who asked
 * @param logger - the call's logger
 * @param appointmentId - what was refused
 * @param audit - whose appointment it was, and the call's audit note (CallScope.noteDeniedAccess)
 */
export function denyAppointmentAccess(
  caller: Caller,
  logger: Pick<Logger, 'warn'>,
  appointmentId: string,
  audit?: { patientId: string; noteDenied: CallScope['noteDeniedAccess'] },
): DomainError {
  const scope = { caller, logger, noteDeniedAccess: audit?.noteDenied };
  return denyObjectAccess(scope, { kind: 'appointment', id: appointmentId, patientId: audit?.patientId }, "another doctor's appointment");
}

/**
 * The doctor a booking is for. A doctor who names nobody books for themself and may not book for
 * a colleague; an admin or a service must name the doctor.
 * @param caller - who is booking
 * @param requested - the doctorId of the request, if any
 */
export function bookingDoctor(caller: Caller, requested: string | undefined): string {
  const own = ownDoctorOf(caller);
  if (own !== undefined) {
    if (requested !== undefined && requested !== own) throw forbidden('A doctor may only book their own appointments.');
    return own;
  }
  if (caller.kind === 'anonymous') throw forbidden();
  if (requested === undefined) throw invalidInput('Name the doctor the appointment is with.', 'doctorId');
  return requested;
}

/**
 * The doctor filter of a listing: a doctor always gets their own appointments (also when listing
 * a patient's) and may not name a colleague; everyone else gets what they asked for.
 * @param caller - who is listing
 * @param requested - the doctorId of the request, if any
 */
export function listingDoctor(caller: Caller, requested: string | undefined): string | undefined {
  const filter = doctorFilterOf(caller, requested);
  if (!filter.ok) throw forbidden('A doctor may only list their own appointments.');
  return filter.doctorId;
}
