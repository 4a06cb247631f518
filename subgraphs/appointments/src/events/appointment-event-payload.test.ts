import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseAppointmentEvent } from './appointment-event-payload.ts';

const valid = () => ({
  version: 1,
  eventId: randomUUID(),
  type: 'BOOKED',
  occurredAt: '2026-11-24T09:30:00.000Z',
  actorId: randomUUID(),
  appointment: {
    id: randomUUID(),
    patientId: randomUUID(),
    doctorId: randomUUID(),
    startsAt: '2026-11-26T09:00:00.000Z',
    endsAt: '2026-11-26T09:30:00.000Z',
    status: 'SCHEDULED',
    reason: null,
  },
});

describe('appointment event payload v1', () => {
  it('accepts a valid event, and extra fields (additive changes keep version 1)', () => {
    const event = { ...valid(), previous: { startsAt: '2026-11-26T08:00:00.000Z', endsAt: '2026-11-26T08:30:00.000Z' }, extra: 1 };
    const parsed = parseAppointmentEvent(JSON.stringify(event));
    expect(parsed).toMatchObject({ ok: true, event: { eventId: event.eventId, type: 'BOOKED' } });
  });

  it.each([
    ['empty', ''],
    ['not JSON', '{"version":'],
    ['another version', JSON.stringify({ ...valid(), version: 2 })],
    ['an unknown type', JSON.stringify({ ...valid(), type: 'DELETED' })],
    ['a missing appointment', JSON.stringify({ ...valid(), appointment: undefined })],
  ])('refuses %s with a reason that carries no values', (_name, json) => {
    const parsed = parseAppointmentEvent(json);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).not.toContain('DELETED');
  });
});
