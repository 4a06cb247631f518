/**
 * Which appointments one subscriber may follow: the subscription's object-level rule, kept apart
 * from the transport so it can be tested on its own. The role gate (ADMIN, DOCTOR, WARD_STAFF)
 * is `@auth` on the field; this decides the doctor filter within it.
 */
import { GraphQLError } from 'graphql';
import type { Caller } from '@hospital/service-kit';
import type { AppointmentEventPayload } from './appointment-event-payload.ts';

/** What the subscriber asked for. */
export interface SubscriberArgs {
  doctorId?: string | null;
  /** Accepted, but appointments are not tied to wards yet: it filters nothing. */
  wardId?: string | null;
}

/**
 * The filter of one subscription, or FORBIDDEN.
 * A doctor follows their own appointments (naming themself changes nothing; naming another
 * doctor is refused); admins and ward staff follow the named doctor, or everyone.
 * @param caller - the verified caller
 * @param args - the subscription's arguments
 */
export function subscriberFilter(caller: Caller, args: SubscriberArgs): (event: AppointmentEventPayload) => boolean {
  let doctorId = args.doctorId ?? undefined;
  if (caller.kind === 'user' && caller.role === 'doctor') {
    if (doctorId !== undefined && doctorId !== caller.userId) {
      throw new GraphQLError("Doctors may follow only their own appointments.", { extensions: { code: 'FORBIDDEN' } });
    }
    doctorId = caller.userId;
  }
  return doctorId === undefined ? () => true : (event) => event.appointment.doctorId === doctorId;
}
