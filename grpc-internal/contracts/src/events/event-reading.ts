/**
 * The reading every event contract shares (appointment-event.ts, clinical-event.ts): JSON, the
 * version, the zod schema, the refusal shape, and the envelope of a Kafka message (headers and key
 * the outbox relay sets, falling back to the payload's own fields). A contract adds only its own
 * envelope check and rules. Refusals are typed (`kind`) and their `reason` names field paths only,
 * never values (a payload may hold patient data).
 */
import { z } from 'zod';

/** Why a message was refused, in the terms every contract shares. */
export type EventRefusalKind = 'empty' | 'not-json' | 'missing-event-id' | 'unsupported-version' | 'invalid-fields' | 'envelope-mismatch';

/** A refused message: the kind to branch on, and a reason for the log (field paths only, no values). */
export interface EventRefusal<Kind extends string = EventRefusalKind> {
  ok: false;
  kind: Kind;
  reason: string;
}

/**
 * A refusal.
 * @param kind - what to branch on
 * @param reason - for the log: field paths only, never values
 */
export const refuseEvent = <Kind extends string>(kind: Kind, reason: string): EventRefusal<Kind> => ({ ok: false, kind, reason });

/**
 * Reads a payload's text against a contract: JSON, then its version, then its schema.
 * @param payloadJson - the payload as transported
 * @param version - the version the contract describes
 * @param schema - the contract's zod schema
 */
export function readEventPayload<Schema extends z.ZodType>(
  payloadJson: string | null | undefined,
  version: number,
  schema: Schema,
): { ok: true; event: z.output<Schema> } | EventRefusal {
  if (!payloadJson) return refuseEvent('empty', 'message has no value');
  let raw: unknown;
  try {
    raw = JSON.parse(payloadJson);
  } catch {
    return refuseEvent('not-json', 'payload is not JSON');
  }
  // Another version is refused as such (not as invalid fields): consumers dead-letter it until taught it.
  if (typeof raw === 'object' && raw !== null && 'version' in raw && raw.version !== version) return refuseEvent('unsupported-version', 'unsupported payload version');
  const result = schema.safeParse(raw);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || '(root)'))];
    return refuseEvent('invalid-fields', `invalid payload fields: ${fields.join(', ')}`);
  }
  return { ok: true, event: result.data };
}

/** A consumed message, as any event bus hands it over. */
export interface EventMessage {
  /** The message key (the relay keys by the contract's ordering id). */
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

/** The envelope of a message: what is acknowledged and de-duplicated by, and the payload text. */
export interface EventEnvelope {
  /** Event UUID. */
  id: string;
  /** Event type as the envelope names it. */
  type: string;
  /** The message key (appointment id, patient id, …). */
  key: string;
  /** The producer's outbox sequence (int64 as a string). */
  sequence: string;
  /** The JSON payload. */
  payloadJson: string;
}

const uuid = z.uuid();

/** A nested property of parsed JSON, if it is a string. */
function field(json: unknown, path: readonly string[]): string | undefined {
  let at: unknown = json;
  for (const key of path) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined;
  return typeof at === 'string' ? at : undefined;
}

/**
 * The envelope of a Kafka message (headers and key, else the payload's own fields), or why the
 * message can never be processed. The payload itself is checked by the contract afterwards.
 * @param message - the message as consumed
 * @param names - the header names of the envelope
 * @param keyPath - where the payload holds the message key (['appointment', 'id'], ['patientId'])
 */
export function readMessageEnvelope(message: EventMessage, names: EnvelopeHeaderNames, keyPath: readonly string[]): { ok: true; envelope: EventEnvelope } | EventRefusal {
  if (message.value === null || message.value === '') return refuseEvent('empty', 'message has no value');
  let json: unknown;
  try {
    json = JSON.parse(message.value);
  } catch {
    return refuseEvent('not-json', 'payload is not JSON');
  }
  const id = message.headers[names.eventId] ?? field(json, ['eventId']);
  if (!id || !uuid.safeParse(id).success) return refuseEvent('missing-event-id', 'event id is missing or not a UUID');
  return {
    ok: true,
    envelope: {
      id,
      type: message.headers[names.eventType] ?? field(json, ['type']) ?? '',
      key: message.key ?? field(json, keyPath) ?? '',
      sequence: message.headers[names.sequence] ?? '0',
      payloadJson: message.value,
    },
  };
}
