/** A booking event for the outbox tests: a scheduled half-hour appointment with fresh ids, no actor. */
import { randomUUID } from 'node:crypto';
import { buildAppointmentEvent, type AppointmentEventType, type AppointmentEventV1, type AppointmentSnapshot } from '../domain/appointment-event.ts';

/**
 * A SCHEDULED half-hour appointment as an event reports it.
 * @param id - the appointment's id
 * @param startsAt - when it starts (default: this time tomorrow)
 */
export function sampleSnapshot(id: string = randomUUID(), startsAt = new Date(Date.now() + 86_400_000)): AppointmentSnapshot {
  return { id, patientId: randomUUID(), doctorId: randomUUID(), startsAt, endsAt: new Date(startsAt.getTime() + 1_800_000), status: 'SCHEDULED', reason: null };
}

/**
 * An event about an appointment, made by the producer's own builder, without an actor.
 * @param appointment - the appointment after the change
 * @param options - the event's id (default fresh) and type (default BOOKED)
 */
export function sampleEvent(appointment: AppointmentSnapshot, options: { eventId?: string; type?: AppointmentEventType } = {}): AppointmentEventV1 {
  return buildAppointmentEvent({ eventId: options.eventId ?? randomUUID(), type: options.type ?? 'BOOKED', occurredAt: new Date(), actorId: null, appointment });
}
