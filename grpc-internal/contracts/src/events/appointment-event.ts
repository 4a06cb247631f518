/**
 * THE appointment event contract (payload version 1): what the appointments outbox writes and what
 * every consumer (the appointments subgraph's feed, the notifications inbox) accepts. The schema,
 * the types, the version, the parser and the envelope check live here and nowhere else.
 *
 * The shape is the producer's: `actorId` and `reason` are written as a string or null, `status` is
 * one of the appointment statuses. Consumers may ignore fields they do not know, so adding a field
 * keeps version 1, while renaming or removing one needs version 2. A reader also takes an absent
 * `actorId` / `reason` as null (the notifications consumer always has). Refusals are typed
 * (`kind`) and their `reason` names field paths only, never values (they may hold patient data).
 */
import { z } from 'zod';
import { readEventPayload, refuseEvent, type EventEnvelope, type EventRefusal, type EventRefusalKind } from './event-reading.ts';

/** The payload version this contract describes (also the `x-schema-version` header the relay sets). */
export const APPOINTMENT_EVENT_VERSION = 1;

/** Every event type (the outbox table's CHECK constraint holds the same list). */
export const APPOINTMENT_EVENT_TYPES = ['BOOKED', 'RESCHEDULED', 'CANCELLED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW'] as const;
/** What happened to an appointment. */
export type AppointmentEventType = (typeof APPOINTMENT_EVENT_TYPES)[number];

/** Appointment statuses as the payload spells them (the domain's names, not the proto's). */
export const APPOINTMENT_EVENT_STATUSES = ['SCHEDULED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW'] as const;
/** The status an event reports (after the change). */
export type AppointmentEventStatus = (typeof APPOINTMENT_EVENT_STATUSES)[number];

const instant = z.iso.datetime({ offset: true });
// Written as a string or null; an absent value reads as null.
const nullableText = z
  .string()
  .nullish()
  .transform((value) => value ?? null);

/** Version 1 of the payload (`payload` of the outbox row, `payload_json` of PullEvents, a Kafka message value). */
export const appointmentEventSchema = z.object({
  version: z.literal(APPOINTMENT_EVENT_VERSION),
  /** Event UUID (= the outbox row id): consumers de-duplicate on it. */
  eventId: z.uuid(),
  type: z.enum(APPOINTMENT_EVENT_TYPES),
  /** When the change happened, RFC 3339. */
  occurredAt: instant,
  /** The user who made the change; null when one of the system's services did. */
  actorId: nullableText,
  /** The appointment after the change. */
  appointment: z.object({
    id: z.uuid(),
    patientId: z.uuid(),
    doctorId: z.uuid(),
    startsAt: instant,
    endsAt: instant,
    status: z.enum(APPOINTMENT_EVENT_STATUSES),
    reason: nullableText,
  }),
  /** RESCHEDULED only: the slot it moved from, so a notice can say "moved from … to …". */
  previous: z.object({ startsAt: instant, endsAt: instant }).optional(),
});

/** A version-1 payload: what the producer builds and what a consumer gets after parsing. */
export type AppointmentEventV1 = z.output<typeof appointmentEventSchema>;

/** An event as a transport delivers it: the envelope (what is acknowledged and de-duplicated by) and the payload text, keyed by its appointment. */
export interface RawAppointmentEvent extends Omit<EventEnvelope, 'key'> {
  /** Appointment UUID from the envelope. */
  appointmentId: string;
}

/** Why a message was refused: the shared kinds (event-reading.ts) and one of this contract's own. */
export type AppointmentEventRefusalKind = EventRefusalKind | 'ends-before-start';

/** A refused message: the kind to branch on, and a reason for the log (field paths only, no values). */
export type AppointmentEventRefusal = EventRefusal<AppointmentEventRefusalKind>;

/** The outcome of reading one event. */
export type ParsedAppointmentEvent = { ok: true; event: AppointmentEventV1 } | AppointmentEventRefusal;

/**
 * Reads an event: validates its payload and checks that the payload agrees with its envelope
 * (a payload about another event is not trusted: the envelope is what consumers acknowledge).
 * Every consumer refuses the same messages for the same reasons, whatever the transport.
 * @param message - the event as pulled (PullEvents) or read from a Kafka message
 */
export function parseAppointmentEvent(message: RawAppointmentEvent): ParsedAppointmentEvent {
  const read = readEventPayload(message.payloadJson, APPOINTMENT_EVENT_VERSION, appointmentEventSchema);
  if (!read.ok) return read;
  const event = read.event;
  if (event.eventId !== message.id || event.type !== message.type || event.appointment.id !== message.appointmentId) {
    return refuseEvent('envelope-mismatch', 'payload does not match its envelope');
  }
  if (Date.parse(event.appointment.endsAt) <= Date.parse(event.appointment.startsAt)) {
    return refuseEvent('ends-before-start', 'appointment ends before it starts');
  }
  return { ok: true, event };
}
