/**
 * An appointment event read from a Kafka message: the envelope comes from the headers and key the
 * outbox relay sets (falling back to the payload's own fields when they are missing; the shared
 * event-reading.ts), and the payload must agree with it, exactly as a pulled event must
 * (appointment-event.ts).
 */
import { parseAppointmentEvent, type AppointmentEventRefusal, type AppointmentEventV1, type RawAppointmentEvent } from './appointment-event.ts';
import { readMessageEnvelope, type EnvelopeHeaderNames, type EventMessage } from './event-reading.ts';

export type { EnvelopeHeaderNames } from './event-reading.ts';

/** A consumed message, as any event bus hands it over (keyed by appointment id). */
export type AppointmentEventMessage = EventMessage;

/** A message read into an event (with the envelope it came in), or why it can never be processed. */
export type ReadAppointmentEventMessage = { ok: true; envelope: RawAppointmentEvent; event: AppointmentEventV1 } | AppointmentEventRefusal;

/**
 * Reads and validates a Kafka message.
 * @param message - the message as consumed
 * @param names - the header names of the envelope
 */
export function readAppointmentEventMessage(message: AppointmentEventMessage, names: EnvelopeHeaderNames): ReadAppointmentEventMessage {
  const read = readMessageEnvelope(message, names, ['appointment', 'id']);
  if (!read.ok) return read;
  const { key, ...rest } = read.envelope;
  const envelope: RawAppointmentEvent = { ...rest, appointmentId: key };
  const parsed = parseAppointmentEvent(envelope);
  return parsed.ok ? { ok: true, envelope, event: parsed.event } : parsed;
}
