/**
 * The clinical event contract as every consumer applies it: the samples parse, a Kafka message
 * reads back into its envelope and event, and every refusal is typed and carries no values
 * (malformed, another version, unknown type, envelope mismatch, a body that is not its type's).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CLINICAL_EVENT_VERSION, parseClinicalEvent, type ClinicalEventType, type RawClinicalEvent } from './clinical-event.ts';
import { readClinicalEventMessage } from './clinical-event-message.ts';
import { sampleClinicalEvent } from './clinical-event-sample.ts';

const names = { eventId: 'x-event-id', eventType: 'x-event-type', sequence: 'x-sequence' };

function raw(type: ClinicalEventType = 'LAB_RESULT_ENTERED', overrides: Record<string, unknown> = {}, body: Record<string, unknown> = {}): RawClinicalEvent {
  const payload = sampleClinicalEvent(type, overrides, body);
  return { id: payload.eventId, type: String(payload.type), patientId: payload.patientId, sequence: '3', payloadJson: JSON.stringify(payload) };
}

describe('parseClinicalEvent', () => {
  it.each(['LAB_RESULT_ENTERED', 'LAB_RESULT_AMENDED', 'VITALS_ABNORMAL', 'VITALS_RECORDED'] as const)('accepts a version-1 %s, narrowed by its type', (type) => {
    const parsed = parseClinicalEvent(raw(type));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    if (parsed.event.type === 'VITALS_ABNORMAL') expect(parsed.event.vitals.trigger).toBe('NEWS2_AGGREGATE');
    else if (parsed.event.type === 'VITALS_RECORDED') expect(parsed.event.vitals.trigger).toBeNull();
    else expect(parsed.event.labResult.flag).toBe('CRITICAL_HIGH');
  });

  it('reads absent actor, encounter and ward as null; an unknown extra field is ignored', () => {
    const parsed = parseClinicalEvent(
      raw('VITALS_ABNORMAL', { actorId: undefined, encounterId: undefined, wardId: null, extra: 1 }, { news2Score: null, news2Risk: null, trigger: 'NEWS2_SINGLE_PARAMETER' }),
    );
    expect(parsed).toMatchObject({ ok: true, event: { actorId: null, encounterId: null, wardId: null, vitals: { news2Score: null } } });
  });

  it('refuses what is empty or not JSON, another version, an unknown type', () => {
    expect(parseClinicalEvent({ ...raw(), payloadJson: '' })).toEqual({ ok: false, kind: 'empty', reason: 'message has no value' });
    expect(parseClinicalEvent({ ...raw(), payloadJson: '{oops' })).toEqual({ ok: false, kind: 'not-json', reason: 'payload is not JSON' });
    expect(parseClinicalEvent(raw('LAB_RESULT_ENTERED', { version: CLINICAL_EVENT_VERSION + 1 }))).toEqual({
      ok: false,
      kind: 'unsupported-version',
      reason: 'unsupported payload version',
    });
    expect(parseClinicalEvent(raw('LAB_RESULT_ENTERED', { type: 'LAB_ORDERED' }))).toEqual({ ok: false, kind: 'invalid-fields', reason: 'invalid payload fields: type' });
  });

  it('names the fields at fault but never their values', () => {
    const parsed = parseClinicalEvent(raw('LAB_RESULT_ENTERED', {}, { flag: 'PANIC', value: 'six point eight', orderedById: 'Dr Ada' }));
    expect(parsed).toEqual({ ok: false, kind: 'invalid-fields', reason: 'invalid payload fields: labResult.orderedById, labResult.value, labResult.flag' });
    expect(JSON.stringify(parsed)).not.toContain('Ada');
    const vitals = parseClinicalEvent(raw('VITALS_ABNORMAL', {}, { abnormal: [{ measurement: 'mood', value: 1, unit: '', news2Points: 4 }] }));
    expect(vitals).toEqual({ ok: false, kind: 'invalid-fields', reason: 'invalid payload fields: vitals.abnormal.0.measurement, vitals.abnormal.0.news2Points' });
    expect(parseClinicalEvent({ ...raw(), payloadJson: 'null' })).toMatchObject({ ok: false, kind: 'invalid-fields' });
  });

  it('refuses a payload that disagrees with its envelope', () => {
    const event = raw();
    for (const envelope of [{ id: randomUUID() }, { type: 'LAB_RESULT_AMENDED' }, { patientId: randomUUID() }]) {
      expect(parseClinicalEvent({ ...event, ...envelope })).toEqual({ ok: false, kind: 'envelope-mismatch', reason: 'payload does not match its envelope' });
    }
    expect(parseClinicalEvent({ ...event, patientId: event.patientId.toUpperCase() }).ok).toBe(true);
  });

  it("refuses a body that is not its type's", () => {
    const lab = sampleClinicalEvent('LAB_RESULT_ENTERED');
    const vitals = sampleClinicalEvent('VITALS_ABNORMAL');
    const cases = [
      { ...lab, labResult: undefined },
      { ...lab, vitals: vitals.vitals },
      { ...vitals, labResult: lab.labResult },
      { ...lab, labResult: { ...lab.labResult, amends: { resultId: randomUUID(), value: 1, flag: 'LOW' } } },
      { ...sampleClinicalEvent('LAB_RESULT_AMENDED'), labResult: { ...lab.labResult, amends: null } },
      { ...vitals, type: 'VITALS_RECORDED' },
      { ...sampleClinicalEvent('VITALS_RECORDED'), type: 'VITALS_ABNORMAL' },
    ];
    for (const payload of cases) {
      const parsed = parseClinicalEvent({ id: payload.eventId, type: payload.type, patientId: payload.patientId, sequence: '1', payloadJson: JSON.stringify(payload) });
      expect(parsed).toEqual({ ok: false, kind: 'body-mismatch', reason: `payload body does not match type ${payload.type}` });
    }
  });
});

describe('readClinicalEventMessage', () => {
  it('reads the envelope from headers and key, else from the payload', () => {
    const payload = sampleClinicalEvent('VITALS_ABNORMAL');
    const value = JSON.stringify(payload);
    const headers = { [names.eventId]: payload.eventId, [names.eventType]: payload.type, [names.sequence]: '9' };
    expect(readClinicalEventMessage({ key: payload.patientId, value, headers }, names)).toMatchObject({
      ok: true,
      envelope: { id: payload.eventId, type: 'VITALS_ABNORMAL', patientId: payload.patientId, sequence: '9', payloadJson: value },
    });
    expect(readClinicalEventMessage({ key: null, value, headers: {} }, names)).toMatchObject({ ok: true, envelope: { patientId: payload.patientId, sequence: '0' } });
  });

  it('refuses a message without an event id, or whose key is another patient', () => {
    const payload = sampleClinicalEvent();
    expect(readClinicalEventMessage({ key: null, value: JSON.stringify({ ...payload, eventId: 'x' }), headers: {} }, names)).toEqual({
      ok: false,
      kind: 'missing-event-id',
      reason: 'event id is missing or not a UUID',
    });
    expect(readClinicalEventMessage({ key: randomUUID(), value: JSON.stringify(payload), headers: {} }, names)).toMatchObject({ ok: false, kind: 'envelope-mismatch' });
    expect(readClinicalEventMessage({ key: null, value: null, headers: {} }, names)).toMatchObject({ ok: false, kind: 'empty' });
  });
});
