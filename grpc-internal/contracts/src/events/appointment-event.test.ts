/**
 * The one appointment event contract, as every consumer applies it. The cases come from the two
 * consumers' former parsers (notifications' event-payload.test.ts, the subgraph's
 * appointment-event-payload.test.ts), now one parser with one answer.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseAppointmentEvent, type RawAppointmentEvent } from './appointment-event.ts';
import { sampleAppointmentEvent } from './appointment-event-sample.ts';

function event(overrides: Record<string, unknown> = {}, appointment: Record<string, unknown> = {}): RawAppointmentEvent {
  const id = randomUUID();
  const appointmentId = randomUUID();
  const payload = sampleAppointmentEvent({ eventId: id, actorId: randomUUID(), ...overrides }, { id: appointmentId, reason: 'Knee pain', ...appointment });
  return { id, type: String(payload.type), appointmentId, sequence: '7', payloadJson: JSON.stringify(payload) };
}

describe('parseAppointmentEvent', () => {
  it('accepts a version-1 payload, with or without actor and reason', () => {
    expect(parseAppointmentEvent(event())).toMatchObject({ ok: true, event: { type: 'BOOKED', appointment: { reason: 'Knee pain' } } });
    expect(parseAppointmentEvent(event({ actorId: null }, { reason: null })).ok).toBe(true);
    expect(parseAppointmentEvent(event({ actorId: undefined }, { reason: undefined })).ok).toBe(true);
    const moved = parseAppointmentEvent(event({ previous: { startsAt: '2026-11-24T09:30:00.000Z', endsAt: '2026-11-24T10:00:00.000Z' }, extra: 1 }));
    expect(moved).toMatchObject({ ok: true, event: { previous: { startsAt: '2026-11-24T09:30:00.000Z' } } });
    expect(parseAppointmentEvent(event({}, { startsAt: '2026-11-25T09:30:00+01:00', endsAt: '2026-11-25T10:00:00+01:00' })).ok).toBe(true);
  });

  it("reads an absent actor or reason as the producer's null, so consumers see one shape", () => {
    const parsed = parseAppointmentEvent(event({ actorId: undefined }, { reason: undefined }));
    expect(parsed).toMatchObject({ ok: true, event: { actorId: null, appointment: { reason: null } } });
  });

  it('refuses what is not JSON, another version, unknown types', () => {
    expect(parseAppointmentEvent({ ...event(), payloadJson: '{oops' })).toEqual({ ok: false, kind: 'not-json', reason: 'payload is not JSON' });
    expect(parseAppointmentEvent(event({ version: 2 }))).toEqual({ ok: false, kind: 'unsupported-version', reason: 'unsupported payload version' });
    const unknownType = event({ type: 'EXPLODED' });
    expect(parseAppointmentEvent(unknownType)).toEqual({ ok: false, kind: 'invalid-fields', reason: 'invalid payload fields: type' });
  });

  it('refuses a status the appointments department does not have', () => {
    expect(parseAppointmentEvent(event({}, { status: 'PENDING' }))).toEqual({ ok: false, kind: 'invalid-fields', reason: 'invalid payload fields: appointment.status' });
  });

  it('names the fields at fault but never their values', () => {
    const parsed = parseAppointmentEvent(event({}, { patientId: 'Ada Lovelace', startsAt: 'tomorrow' }));
    expect(parsed).toEqual({ ok: false, kind: 'invalid-fields', reason: 'invalid payload fields: appointment.patientId, appointment.startsAt' });
    expect(JSON.stringify(parsed)).not.toContain('Ada');
    expect(parseAppointmentEvent({ ...event(), payloadJson: 'null' })).toMatchObject({ ok: false });
    expect(parseAppointmentEvent({ ...event(), payloadJson: '[]' })).toMatchObject({ ok: false });
  });

  it('refuses a payload that disagrees with its envelope or ends before it starts', () => {
    expect(parseAppointmentEvent({ ...event(), id: randomUUID() })).toEqual({ ok: false, kind: 'envelope-mismatch', reason: 'payload does not match its envelope' });
    expect(parseAppointmentEvent({ ...event(), type: 'CANCELLED' })).toEqual({ ok: false, kind: 'envelope-mismatch', reason: 'payload does not match its envelope' });
    const backwards = event({}, { endsAt: '2026-11-25T09:00:00.000Z' });
    expect(parseAppointmentEvent(backwards)).toEqual({ ok: false, kind: 'ends-before-start', reason: 'appointment ends before it starts' });
  });

  // From the subgraph's former parser: every refusal is typed and carries no values.
  it.each([
    ['empty', ''],
    ['not JSON', '{"version":'],
    ['another version', JSON.stringify({ ...JSON.parse(event().payloadJson), version: 2 })],
    ['an unknown type', JSON.stringify({ ...JSON.parse(event().payloadJson), type: 'DELETED' })],
    ['a missing appointment', JSON.stringify({ ...JSON.parse(event().payloadJson), appointment: undefined })],
  ])('refuses %s with a reason that carries no values', (_name, json) => {
    const parsed = parseAppointmentEvent({ ...event(), payloadJson: json });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.kind).toEqual(expect.any(String));
      expect(parsed.reason).not.toContain('DELETED');
    }
  });
});
