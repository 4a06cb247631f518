/**
 * Appointment events as the outbox stores them and consumers read them. The payload is versioned:
 * consumers check `version` and may ignore fields they do not know, so adding a field keeps
 * version 1, while renaming or removing one needs version 2.
 */
import type { AppointmentStatus } from './appointment-status.ts';

/** Every event type (the outbox table's CHECK constraint holds the same list). */
export const EVENT_TYPES = ['BOOKED', 'RESCHEDULED', 'CANCELLED', 'CHECKED_IN', 'COMPLETED', 'NO_SHOW'] as const;
/** What happened to an appointment. */
export type AppointmentEventType = (typeof EVENT_TYPES)[number];

/** The state of an appointment an event reports (after the change). */
export interface AppointmentSnapshot {
  id: string;
  patientId: string;
  doctorId: string;
  startsAt: Date;
  endsAt: Date;
  status: AppointmentStatus;
  reason: string | null;
}

/** Version 1 of the event payload (`payload_json` of PullEvents, `payload` of the outbox row). */
export interface AppointmentEventV1 {
  version: 1;
  /** Event UUID: consumers de-duplicate on it. */
  eventId: string;
  type: AppointmentEventType;
  /** When the change happened, RFC 3339 UTC. */
  occurredAt: string;
  /** The user who made the change; null when one of the system's services did. */
  actorId: string | null;
  /** The appointment after the change (times RFC 3339 UTC). */
  appointment: { id: string; patientId: string; doctorId: string; startsAt: string; endsAt: string; status: AppointmentStatus; reason: string | null };
  /** RESCHEDULED only: the slot it moved from, so a notice can say "moved from … to …". */
  previous?: { startsAt: string; endsAt: string };
}

/**
 * The event a status change emits: the new status names it.
 * @param to - the status the appointment moved to (never SCHEDULED: that is a booking)
 */
export function eventTypeForStatus(to: Exclude<AppointmentStatus, 'SCHEDULED'>): AppointmentEventType {
  return to;
}

/**
 * Builds an event payload.
 * @param input - id, type, time, actor, the appointment after the change, and (reschedules) the old slot
 */
export function buildAppointmentEvent(input: {
  eventId: string;
  type: AppointmentEventType;
  occurredAt: Date;
  actorId: string | null;
  appointment: AppointmentSnapshot;
  previous?: { startsAt: Date; endsAt: Date };
}): AppointmentEventV1 {
  const { appointment: a } = input;
  return {
    version: 1,
    eventId: input.eventId,
    type: input.type,
    occurredAt: input.occurredAt.toISOString(),
    actorId: input.actorId,
    appointment: {
      id: a.id,
      patientId: a.patientId,
      doctorId: a.doctorId,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      status: a.status,
      reason: a.reason,
    },
    ...(input.previous ? { previous: { startsAt: input.previous.startsAt.toISOString(), endsAt: input.previous.endsAt.toISOString() } } : {}),
  };
}
