/**
 * The appointment event payload (version 1) as this consumer reads it. Anything that does not
 * parse is a poison event: it is recorded and acknowledged, never retried, so one bad row cannot
 * block the stream. Only field paths are reported, never values (they may hold patient data).
 */
import { z } from 'zod';

/** The event types the appointments department emits. */
export const APPOINTMENT_EVENT_TYPES = ['BOOKED', 'RESCHEDULED', 'CANCELLED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW'] as const;
/** One event type. */
export type AppointmentEventType = (typeof APPOINTMENT_EVENT_TYPES)[number];

const instant = z.iso.datetime({ offset: true });

const payloadSchema = z.object({
  version: z.literal(1),
  eventId: z.uuid(),
  type: z.enum(APPOINTMENT_EVENT_TYPES),
  occurredAt: instant,
  // The producer may leave the actor out (a system change) or send null or an empty string.
  actorId: z.string().nullish(),
  appointment: z.object({
    id: z.uuid(),
    patientId: z.uuid(),
    doctorId: z.uuid(),
    startsAt: instant,
    endsAt: instant,
    status: z.string().min(1),
    reason: z.string().nullish(),
  }),
  // RESCHEDULED only: the slot it moved from. Unknown extra fields are ignored (still version 1).
  previous: z.object({ startsAt: instant, endsAt: instant }).optional(),
});

/** A version-1 payload that passed validation. */
export type AppointmentEventPayload = z.output<typeof payloadSchema>;

/** An event from the stream, as the appointments service delivers it. */
export interface RawAppointmentEvent {
  /** Event UUID. */
  id: string;
  /** Event type as the envelope names it. */
  type: string;
  /** Appointment UUID from the envelope. */
  appointmentId: string;
  /** Producer's order of the event (int64 as a string). */
  sequence: string;
  /** The JSON payload. */
  payloadJson: string;
}

/** The outcome of reading one event. */
export type ParsedEvent = { ok: true; payload: AppointmentEventPayload } | { ok: false; reason: string };

/**
 * Reads and validates an event's payload, and checks it agrees with its envelope.
 * @param event - the event as pulled
 */
export function parseAppointmentEvent(event: RawAppointmentEvent): ParsedEvent {
  let json: unknown;
  try {
    json = JSON.parse(event.payloadJson);
  } catch {
    return { ok: false, reason: 'payload is not JSON' };
  }
  if (typeof json === 'object' && json !== null && 'version' in json && json.version !== 1) {
    return { ok: false, reason: 'unsupported payload version' };
  }
  const result = payloadSchema.safeParse(json);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((issue) => issue.path.join('.') || '(root)'))];
    return { ok: false, reason: `invalid payload fields: ${fields.join(', ')}` };
  }
  const payload = result.data;
  // The envelope is what we acknowledge and de-duplicate by: a payload about another event is not trusted.
  if (payload.eventId !== event.id || payload.type !== event.type || payload.appointment.id !== event.appointmentId) {
    return { ok: false, reason: 'payload does not match its envelope' };
  }
  if (Date.parse(payload.appointment.endsAt) <= Date.parse(payload.appointment.startsAt)) {
    return { ok: false, reason: 'appointment ends before it starts' };
  }
  return { ok: true, payload };
}
