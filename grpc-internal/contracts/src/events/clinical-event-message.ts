/**
 * A clinical event read from a Kafka message: the envelope from the headers and key the outbox
 * relay sets (key = patient id; the shared event-reading.ts), then the payload checked against it
 * (clinical-event.ts).
 */
import { parseClinicalEvent, type ClinicalEvent, type ClinicalEventRefusal, type RawClinicalEvent } from './clinical-event.ts';
import { readMessageEnvelope, type EnvelopeHeaderNames, type EventMessage } from './event-reading.ts';

/** A message read into an event (with the envelope it came in), or why it can never be processed. */
export type ReadClinicalEventMessage = { ok: true; envelope: RawClinicalEvent; event: ClinicalEvent } | ClinicalEventRefusal;

/**
 * Reads and validates a Kafka message of the clinical topic.
 * @param message - the message as consumed
 * @param names - the header names of the envelope (the service kit's EVENT_HEADERS)
 */
export function readClinicalEventMessage(message: EventMessage, names: EnvelopeHeaderNames): ReadClinicalEventMessage {
  const read = readMessageEnvelope(message, names, ['patientId']);
  if (!read.ok) return read;
  const { key, ...rest } = read.envelope;
  const envelope: RawClinicalEvent = { ...rest, patientId: key };
  const parsed = parseClinicalEvent(envelope);
  return parsed.ok ? { ok: true, envelope, event: parsed.event } : parsed;
}
