import { randomUUID } from 'node:crypto';
import { APPOINTMENT_EVENT_TYPES, parseAppointmentEvent } from '@hospital/grpc-contracts';
import { describe, expect, it } from 'vitest';
import { buildAppointmentEvent, eventTypeForStatus } from './appointment-event.ts';

const appointment = {
  id: 'a1',
  patientId: 'p1',
  doctorId: 'd1',
  startsAt: new Date('2026-11-25T09:00:00Z'),
  endsAt: new Date('2026-11-25T09:30:00Z'),
  status: 'SCHEDULED' as const,
  reason: null,
};

describe('buildAppointmentEvent', () => {
  it('writes version 1 with RFC 3339 UTC times and no previous slot for a booking', () => {
    const event = buildAppointmentEvent({ eventId: 'e1', type: 'BOOKED', occurredAt: new Date('2026-11-24T08:00:00Z'), actorId: 'u1', appointment });
    expect(event).toEqual({
      version: 1,
      eventId: 'e1',
      type: 'BOOKED',
      occurredAt: '2026-11-24T08:00:00.000Z',
      actorId: 'u1',
      appointment: { id: 'a1', patientId: 'p1', doctorId: 'd1', startsAt: '2026-11-25T09:00:00.000Z', endsAt: '2026-11-25T09:30:00.000Z', status: 'SCHEDULED', reason: null },
    });
  });

  it('carries the old slot of a reschedule, and a null actor for services', () => {
    const event = buildAppointmentEvent({
      eventId: 'e2',
      type: 'RESCHEDULED',
      occurredAt: new Date('2026-11-24T08:00:00Z'),
      actorId: null,
      appointment,
      previous: { startsAt: new Date('2026-11-25T08:00:00Z'), endsAt: new Date('2026-11-25T08:30:00Z') },
    });
    expect(event.actorId).toBeNull();
    expect(event.previous).toEqual({ startsAt: '2026-11-25T08:00:00.000Z', endsAt: '2026-11-25T08:30:00.000Z' });
  });

  it('names status events after the new status', () => {
    expect(['CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW'].map((s) => eventTypeForStatus(s as 'CANCELLED'))).toEqual(['CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW']);
  });

  // The producer's half of the one contract: what the outbox writes is exactly what every
  // consumer's parser (the contract's) accepts, unchanged, for every type, actor or none.
  it.each(APPOINTMENT_EVENT_TYPES)('writes a %s payload that the contract parses back unchanged', (type) => {
    const real = { ...appointment, id: randomUUID(), patientId: randomUUID(), doctorId: randomUUID(), reason: type === 'BOOKED' ? 'Knee pain' : null };
    for (const actorId of [randomUUID(), null]) {
      const previous = type === 'RESCHEDULED' ? { startsAt: new Date('2026-11-25T08:00:00Z'), endsAt: new Date('2026-11-25T08:30:00Z') } : undefined;
      const event = buildAppointmentEvent({ eventId: randomUUID(), type, occurredAt: new Date(), actorId, appointment: real, previous });
      // The envelope PullEvents and the relay send: the row's id, type and appointment.
      const parsed = parseAppointmentEvent({ id: event.eventId, type: event.type, appointmentId: real.id, sequence: '1', payloadJson: JSON.stringify(event) });
      expect(parsed).toEqual({ ok: true, event });
    }
  });
});
