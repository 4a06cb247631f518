import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseAppointmentEvent, type RawAppointmentEvent } from './event-payload.ts';

function event(overrides: Record<string, unknown> = {}, appointment: Record<string, unknown> = {}): RawAppointmentEvent {
  const id = randomUUID();
  const appointmentId = randomUUID();
  const payload = {
    version: 1,
    eventId: id,
    type: 'BOOKED',
    occurredAt: '2026-11-24T09:00:00.000Z',
    actorId: randomUUID(),
    appointment: {
      id: appointmentId,
      patientId: randomUUID(),
      doctorId: randomUUID(),
      startsAt: '2026-11-25T09:30:00.000Z',
      endsAt: '2026-11-25T10:00:00.000Z',
      status: 'SCHEDULED',
      reason: 'Knee pain',
      ...appointment,
    },
    ...overrides,
  };
  return { id, type: String(payload.type), appointmentId, sequence: '7', payloadJson: JSON.stringify(payload) };
}

describe('parseAppointmentEvent', () => {
  it('accepts a version-1 payload, with or without actor and reason', () => {
    expect(parseAppointmentEvent(event())).toMatchObject({ ok: true, payload: { type: 'BOOKED', appointment: { reason: 'Knee pain' } } });
    expect(parseAppointmentEvent(event({ actorId: null }, { reason: null })).ok).toBe(true);
    expect(parseAppointmentEvent(event({ actorId: undefined }, { reason: undefined })).ok).toBe(true);
    const moved = parseAppointmentEvent(event({ previous: { startsAt: '2026-11-24T09:30:00.000Z', endsAt: '2026-11-24T10:00:00.000Z' }, extra: 1 }));
    expect(moved).toMatchObject({ ok: true, payload: { previous: { startsAt: '2026-11-24T09:30:00.000Z' } } });
    expect(parseAppointmentEvent(event({}, { startsAt: '2026-11-25T09:30:00+01:00', endsAt: '2026-11-25T10:00:00+01:00' })).ok).toBe(true);
  });

  it('refuses what is not JSON, another version, unknown types', () => {
    expect(parseAppointmentEvent({ ...event(), payloadJson: '{oops' })).toEqual({ ok: false, reason: 'payload is not JSON' });
    expect(parseAppointmentEvent(event({ version: 2 }))).toEqual({ ok: false, reason: 'unsupported payload version' });
    const unknownType = event({ type: 'EXPLODED' });
    expect(parseAppointmentEvent(unknownType)).toEqual({ ok: false, reason: 'invalid payload fields: type' });
  });

  it('names the fields at fault but never their values', () => {
    const parsed = parseAppointmentEvent(event({}, { patientId: 'Ada Lovelace', startsAt: 'tomorrow' }));
    expect(parsed).toEqual({ ok: false, reason: 'invalid payload fields: appointment.patientId, appointment.startsAt' });
    expect(JSON.stringify(parsed)).not.toContain('Ada');
    expect(parseAppointmentEvent({ ...event(), payloadJson: 'null' })).toMatchObject({ ok: false });
    expect(parseAppointmentEvent({ ...event(), payloadJson: '[]' })).toMatchObject({ ok: false });
  });

  it('refuses a payload that disagrees with its envelope or ends before it starts', () => {
    expect(parseAppointmentEvent({ ...event(), id: randomUUID() })).toEqual({ ok: false, reason: 'payload does not match its envelope' });
    expect(parseAppointmentEvent({ ...event(), type: 'CANCELLED' })).toEqual({ ok: false, reason: 'payload does not match its envelope' });
    const backwards = event({}, { endsAt: '2026-11-25T09:00:00.000Z' });
    expect(parseAppointmentEvent(backwards)).toEqual({ ok: false, reason: 'appointment ends before it starts' });
  });
});
