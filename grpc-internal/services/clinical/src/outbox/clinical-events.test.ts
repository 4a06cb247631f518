/**
 * The clinical events the service writes are the contract's (parsed back by parseClinicalEvent),
 * and which vitals are urgent follows the RCP NEWS2 triggers: an aggregate of 5 or more, or one
 * parameter scoring 3 even in an incomplete set; everything else is VITALS_RECORDED.
 */
import { randomUUID } from 'node:crypto';
import { parseClinicalEvent, VITAL_MEASUREMENTS, type ClinicalEventV1 } from '@hospital/grpc-contracts';
import { describe, expect, it } from 'vitest';
import { findLabTest } from '../domain/lab-catalogue.ts';
import { VITAL_NAMES } from '../domain/vital-ranges.ts';
import type { LabOrderRecord, VitalsRecord } from '../repositories/records.ts';
import { labResultEvent, urgentTrigger, vitalsEvent } from './clinical-events.ts';

const calm = { respiratoryRate: 16, spo2Percent: 97, onOxygen: false, systolicMmhg: 120, pulseBpm: 70, consciousness: 'ALERT' as const, temperatureC: 37.0 };
const context = { actorId: randomUUID(), encounterId: randomUUID(), wardId: randomUUID() };

function storedSet(values: Partial<VitalsRecord>): VitalsRecord {
  const none = {
    temperatureC: null,
    pulseBpm: null,
    systolicMmhg: null,
    diastolicMmhg: null,
    respiratoryRate: null,
    spo2Percent: null,
    weightKg: null,
    heightCm: null,
    painScore: null,
  };
  return {
    id: randomUUID(),
    patientId: randomUUID(),
    recordedAt: new Date('2026-12-08T09:00:00Z'),
    recordedBy: randomUUID(),
    onOxygen: false,
    consciousness: null,
    ...none,
    ...values,
  };
}

/** The event read back as a consumer reads it. */
function parsed(event: ClinicalEventV1) {
  const read = parseClinicalEvent({ id: event.eventId, type: event.type, patientId: event.patientId, sequence: '1', payloadJson: JSON.stringify(event) });
  if (!read.ok) throw new Error(`${read.kind}: ${read.reason}`);
  return read.event;
}

describe('urgentTrigger (RCP NEWS2 urgent response)', () => {
  it.each([
    ['a calm complete set', calm, null],
    ['an aggregate of 4 without a 3', { ...calm, respiratoryRate: 22, pulseBpm: 115 }, null],
    ['an aggregate of 5', { ...calm, respiratoryRate: 22, pulseBpm: 115, temperatureC: 35.5 }, 'NEWS2_AGGREGATE'],
    ['one parameter scoring 3 in a complete set', { ...calm, spo2Percent: 90 }, 'NEWS2_SINGLE_PARAMETER'],
    ['new confusion alone', { onOxygen: false, consciousness: 'CVPU' as const }, 'NEWS2_SINGLE_PARAMETER'],
    ['SpO2 88 % alone (an incomplete set)', { onOxygen: false, spo2Percent: 88 }, 'NEWS2_SINGLE_PARAMETER'],
    ['a mildly high pulse alone', { onOxygen: false, pulseBpm: 100 }, null],
  ])('%s → %s', (_name, input, trigger) => expect(urgentTrigger(input)).toBe(trigger));
});

describe('vitalsEvent', () => {
  it('makes an urgent set VITALS_ABNORMAL with its score, abnormal measurements and their points', () => {
    const set = storedSet({ ...calm, respiratoryRate: 26, spo2Percent: 92, pulseBpm: 115, painScore: 7 });
    const event = parsed(vitalsEvent(set, context));
    expect(event).toMatchObject({ type: 'VITALS_ABNORMAL', patientId: set.patientId, ...context, occurredAt: '2026-12-08T09:00:00.000Z' });
    expect(event.type === 'VITALS_ABNORMAL' && event.vitals).toEqual({
      vitalSignsId: set.id,
      recordedAt: '2026-12-08T09:00:00.000Z',
      news2Score: 7,
      news2Risk: 'HIGH',
      trigger: 'NEWS2_AGGREGATE',
      abnormal: [
        { measurement: 'pulseBpm', value: 115, unit: 'beats/min', news2Points: 2 },
        { measurement: 'respiratoryRate', value: 26, unit: 'breaths/min', news2Points: 3 },
        { measurement: 'spo2Percent', value: 92, unit: '%', news2Points: 2 },
        { measurement: 'painScore', value: 7, unit: '0-10', news2Points: null },
      ],
      onOxygen: false,
      consciousness: 'ALERT',
    });
  });

  it('makes every other set VITALS_RECORDED, with no score when incomplete', () => {
    expect(parsed(vitalsEvent(storedSet(calm), context))).toMatchObject({ type: 'VITALS_RECORDED', vitals: { news2Score: 0, news2Risk: 'LOW', trigger: null, abnormal: [] } });
    expect(parsed(vitalsEvent(storedSet({ weightKg: 70 }), { actorId: null, encounterId: null, wardId: null }))).toMatchObject({
      type: 'VITALS_RECORDED',
      vitals: { news2Score: null, news2Risk: null, trigger: null },
    });
  });

  it("names the measurements as the contract does (the contract's list is the service's)", () => {
    expect([...VITAL_MEASUREMENTS]).toEqual(VITAL_NAMES);
  });
});

describe('labResultEvent', () => {
  const test = findLabTest('2823-3')!;
  const at = new Date('2026-12-08T10:00:00Z');
  const original = { id: randomUUID(), orderId: randomUUID(), value: 6.8, unit: 'mmol/L', flag: 'CRITICAL_HIGH', enteredBy: randomUUID(), enteredAt: at, amendsResultId: null };
  const order: LabOrderRecord = {
    id: original.orderId,
    patientId: randomUUID(),
    encounterId: randomUUID(),
    loincCode: test.loincCode,
    orderedBy: randomUUID(),
    orderedAt: at,
    results: [],
  };

  it('tells the ordering doctor the entered result with its test, flag and range', () => {
    const event = parsed(labResultEvent(order, test, original, context));
    expect(event).toMatchObject({ type: 'LAB_RESULT_ENTERED', patientId: order.patientId, encounterId: context.encounterId });
    expect(event.type === 'LAB_RESULT_ENTERED' && event.labResult).toEqual({
      orderId: order.id,
      resultId: original.id,
      orderedById: order.orderedBy,
      loincCode: '2823-3',
      testName: 'Potassium',
      value: 6.8,
      unit: 'mmol/L',
      flag: 'CRITICAL_HIGH',
      referenceLow: 3.5,
      referenceHigh: 5.1,
      resultedAt: '2026-12-08T10:00:00.000Z',
      amends: null,
    });
  });

  it('says what an amendment corrected', () => {
    const amendment = { ...original, id: randomUUID(), value: 4.2, flag: 'NORMAL', amendsResultId: original.id };
    const event = parsed(labResultEvent({ ...order, results: [original] }, test, amendment, context));
    expect(event).toMatchObject({
      type: 'LAB_RESULT_AMENDED',
      labResult: { resultId: amendment.id, value: 4.2, flag: 'NORMAL', amends: { resultId: original.id, value: 6.8, flag: 'CRITICAL_HIGH' } },
    });
  });
});
