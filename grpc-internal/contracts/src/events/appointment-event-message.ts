/**
 * An appointment event read from a Kafka message: the envelope comes from the headers and key the
 * outbox relay sets (falling back to the payload's own fields when they are missing), and the
 * payload must agree with it, exactly as a pulled event must (appointment-event.ts).
 */
import { z } from 'zod';
import { parseAppointmentEvent, type AppointmentEventRefusal, type AppointmentEventV1, type RawAppointmentEvent } from './appointment-event.ts';

/** A consumed message, as any event bus hands it over. */
export interface AppointmentEventMessage {
  /** The message key (the relay keys by appointment id). */
  key: string | null;
  /** The payload text. */
  value: string | null;
  /** Message headers by name. */
  headers: Readonly<Record<string, string | undefined>>;
}

/** The header names the envelope travels in (the service kit's `EVENT_HEADERS`). */
export interface EnvelopeHeaderNames {
  eventId: string;
  eventType: string;
  sequence: string;
}

/** A message read into an event (with the envelope it came in), or why it can never be processed. */
export type ReadAppointmentEventMessage = { ok: true; envelope: RawAppointmentEvent; event: AppointmentEventV1 } | AppointmentEventRefusal;

const uuid = z.uuid();

/** A nested property of parsed JSON, if it is a string. */
function field(json: unknown, ...path: string[]): string | undefined {
  let at: unknown = json;
  for (const key of path) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  return typeof at === 'string' ? at : undefined;
}

/**
 * Reads and validates a Kafka message.
 * @param message - the message as consumed
 * @param names - the header names of the envelope
 */
export function readAppointmentEventMessage(message: AppointmentEventMessage, names: EnvelopeHeaderNames): ReadAppointmentEventMessage {
  if (message.value === null || message.value === '') return { ok: false, kind: 'empty', reason: 'message has no value' };
  let json: unknown;
  try {
    json = JSON.parse(message.value);
  } catch {
    return { ok: false, kind: 'not-json', reason: 'payload is not JSON' };
  }
  const id = message.headers[names.eventId] ?? field(json, 'eventId');
  if (!id || !uuid.safeParse(id).success) return { ok: false, kind: 'missing-event-id', reason: 'event id is missing or not a UUID' };
  const envelope: RawAppointmentEvent = {
    id,
    type: message.headers[names.eventType] ?? field(json, 'type') ?? '',
    appointmentId: message.key ?? field(json, 'appointment', 'id') ?? '',
    sequence: message.headers[names.sequence] ?? '0',
    payloadJson: message.value,
  };
  const parsed = parseAppointmentEvent(envelope);
  return parsed.ok ? { ok: true, envelope, event: parsed.event } : parsed;
}
