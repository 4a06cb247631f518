/**
 * Which appointments one subscriber may follow: the subscription's object-level rule, kept apart
 * from the transport so it can be tested on its own. The role gate (ADMIN, DOCTOR, WARD_STAFF)
 * is `@auth` on the field; within it, the doctor filter is the appointments department's one
 * doctor-visibility rule (`doctorFilterOf` in `@hospital/grpc-contracts`), the same the
 * service applies to listings.
 */
import { GraphQLError } from 'graphql';
import type { Caller } from '@hospital/service-kit';
import { doctorFilterOf, type AppointmentEventV1 } from '@hospital/grpc-contracts';

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
export function subscriberFilter(caller: Caller, args: SubscriberArgs): (event: AppointmentEventV1) => boolean {
  const filter = doctorFilterOf(caller, args.doctorId ?? undefined);
  if (!filter.ok) throw new GraphQLError('Doctors may follow only their own appointments.', { extensions: { code: 'FORBIDDEN' } });
  const { doctorId } = filter;
  return doctorId === undefined ? () => true : (event) => event.appointment.doctorId === doctorId;
}
