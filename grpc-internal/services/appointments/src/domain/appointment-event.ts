/**
 * Appointment events as the outbox writes them. The payload's shape, version and parser are the
 * contract's (`@hospital/grpc-contracts`, events/appointment-event.ts), shared with every consumer;
 * this module builds it from the domain's appointment.
 */
import { APPOINTMENT_EVENT_VERSION, type AppointmentEventStatus, type AppointmentEventType, type AppointmentEventV1 } from '@hospital/grpc-contracts';
import type { AppointmentStatus } from './appointment-status.ts';

export type { AppointmentEventType, AppointmentEventV1 } from '@hospital/grpc-contracts';

// The payload spells statuses as the domain does: the two lists must stay one and the same.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const statusesAgree: Same<AppointmentStatus, AppointmentEventStatus> = true;
void statusesAgree;

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
    version: APPOINTMENT_EVENT_VERSION,
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
    previous: input.previous ? { startsAt: input.previous.startsAt.toISOString(), endsAt: input.previous.endsAt.toISOString() } : undefined,
  };
}
