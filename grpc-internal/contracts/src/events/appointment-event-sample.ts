/**
 * A valid appointment event payload for tests (`@hospital/grpc-contracts/events/sample`): one
 * sample that every consumer's tests start from, so they agree on what a good event looks like.
 */
import { APPOINTMENT_EVENT_VERSION } from './appointment-event.ts';

/** The appointment inside a sample event. */
export interface SampleAppointment {
  id: string;
  patientId: string;
  doctorId: string;
  startsAt: string;
  endsAt: string;
  status: string;
  reason: string | null;
  [field: string]: unknown;
}

/** A sample event payload, as the producer writes it (fields may be overridden, even removed, by a test). */
export interface SampleAppointmentEvent {
  version: number;
  eventId: string;
  type: string;
  occurredAt: string;
  actorId: string | null;
  appointment: SampleAppointment;
  [field: string]: unknown;
}

/**
 * A BOOKED event of the current version with fresh ids, no actor and no reason.
 * @param overrides - envelope fields to replace or add (undefined removes one from the JSON)
 * @param appointment - appointment fields to replace or add
 */
export function sampleAppointmentEvent(overrides: Record<string, unknown> = {}, appointment: Record<string, unknown> = {}): SampleAppointmentEvent {
  return {
    version: APPOINTMENT_EVENT_VERSION,
    eventId: crypto.randomUUID(),
    type: 'BOOKED',
    occurredAt: '2026-11-24T09:00:00.000Z',
    actorId: null,
    appointment: {
      id: crypto.randomUUID(),
      patientId: crypto.randomUUID(),
      doctorId: crypto.randomUUID(),
      startsAt: '2026-11-25T09:30:00.000Z',
      endsAt: '2026-11-25T10:00:00.000Z',
      status: 'SCHEDULED',
      reason: null,
      ...appointment,
    },
    ...overrides,
  };
}
