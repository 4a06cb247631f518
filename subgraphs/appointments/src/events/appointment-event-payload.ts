/**
 * The appointment event payload (version 1) as this subgraph accepts it. Whatever the transport
 * (PullEvents or Kafka), a message is checked here before any subscriber sees it: a malformed or
 * unknown-version message is skipped and logged, never passed on and never fatal.
 */
import { z } from 'zod';

/** Event types of version 1 (the outbox's CHECK constraint holds the same list). */
export const APPOINTMENT_EVENT_TYPES = ['BOOKED', 'RESCHEDULED', 'CANCELLED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW'] as const;

/** Appointment statuses as the payload spells them (the domain's names, not the proto's). */
export const SNAPSHOT_STATUSES = ['SCHEDULED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW'] as const;

const instant = z.iso.datetime({ offset: true });

/**
 * Version 1. Unknown extra fields are allowed (adding a field keeps version 1); a missing or
 * retyped one is a different version and is refused.
 */
export const appointmentEventPayloadSchema = z.object({
  version: z.literal(1),
  eventId: z.uuid(),
  type: z.enum(APPOINTMENT_EVENT_TYPES),
  occurredAt: instant,
  actorId: z.string().nullable(),
  appointment: z.object({
    id: z.uuid(),
    patientId: z.uuid(),
    doctorId: z.uuid(),
    startsAt: instant,
    endsAt: instant,
    status: z.enum(SNAPSHOT_STATUSES),
    reason: z.string().nullable(),
  }),
  previous: z.object({ startsAt: instant, endsAt: instant }).optional(),
});

/** A validated event (the codegen mapper of `AppointmentEvent`). */
export type AppointmentEventPayload = z.infer<typeof appointmentEventPayloadSchema>;

/** Result of reading one message: the event, or why it was refused (for the log line). */
export type ParsedEvent = { ok: true; event: AppointmentEventPayload } | { ok: false; reason: string };

/**
 * Parses and validates one message body.
 * @param json - the payload as JSON text (PullEvents `payload_json`, or a Kafka message value)
 */
export function parseAppointmentEvent(json: string | null | undefined): ParsedEvent {
  if (!json) return { ok: false, reason: 'empty payload' };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'payload is not JSON' };
  }
  const parsed = appointmentEventPayloadSchema.safeParse(raw);
  if (parsed.success) return { ok: true, event: parsed.data };
  // Paths and messages only: the values may hold patient data and must not reach the log.
  const reason = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
  return { ok: false, reason };
}
