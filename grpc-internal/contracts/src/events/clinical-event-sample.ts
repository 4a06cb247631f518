/**
 * Valid clinical event payloads for tests (`@hospital/grpc-contracts/events/clinical-sample`): the
 * samples every consumer's tests start from, so producer and consumers agree on a good event.
 */
import { CLINICAL_EVENT_VERSION, type ClinicalEventType } from './clinical-event.ts';

/** A sample payload as the producer writes it (fields may be overridden, even removed, by a test). */
export interface SampleClinicalEvent {
  version: number;
  eventId: string;
  type: string;
  occurredAt: string;
  actorId: string | null;
  patientId: string;
  encounterId: string | null;
  wardId: string | null;
  labResult?: Record<string, unknown>;
  vitals?: Record<string, unknown>;
  [field: string]: unknown;
}

/**
 * An event of the current version with fresh ids: a high potassium result (ENTERED / AMENDED) or
 * a set scoring NEWS2 7 (VITALS_ABNORMAL; VITALS_RECORDED gives the same set without a trigger).
 * @param type - the event type
 * @param overrides - top-level fields to replace or add (undefined removes one from the JSON)
 * @param body - labResult or vitals fields to replace or add
 */
export function sampleClinicalEvent(
  type: ClinicalEventType = 'LAB_RESULT_ENTERED',
  overrides: Record<string, unknown> = {},
  body: Record<string, unknown> = {},
): SampleClinicalEvent {
  const common = {
    version: CLINICAL_EVENT_VERSION,
    eventId: crypto.randomUUID(),
    type,
    occurredAt: '2026-12-08T09:00:00.000Z',
    actorId: crypto.randomUUID(),
    patientId: crypto.randomUUID(),
    encounterId: crypto.randomUUID(),
    wardId: crypto.randomUUID(),
  };
  if (type === 'VITALS_ABNORMAL' || type === 'VITALS_RECORDED') {
    const vitals = {
      vitalSignsId: crypto.randomUUID(),
      recordedAt: '2026-12-08T09:00:00.000Z',
      news2Score: 7,
      news2Risk: 'HIGH',
      trigger: type === 'VITALS_ABNORMAL' ? 'NEWS2_AGGREGATE' : null,
      abnormal: [
        { measurement: 'respiratoryRate', value: 26, unit: 'breaths/min', news2Points: 3 },
        { measurement: 'spo2Percent', value: 92, unit: '%', news2Points: 2 },
        { measurement: 'pulseBpm', value: 115, unit: 'beats/min', news2Points: 2 },
      ],
      onOxygen: false,
      consciousness: 'ALERT',
      ...body,
    };
    return { ...common, vitals, ...overrides };
  }
  const labResult = {
    orderId: crypto.randomUUID(),
    resultId: crypto.randomUUID(),
    orderedById: crypto.randomUUID(),
    loincCode: '2823-3',
    testName: 'Potassium',
    value: 6.8,
    unit: 'mmol/L',
    flag: 'CRITICAL_HIGH',
    referenceLow: 3.5,
    referenceHigh: 5.1,
    resultedAt: '2026-12-08T09:00:00.000Z',
    amends: type === 'LAB_RESULT_AMENDED' ? { resultId: crypto.randomUUID(), value: 5.9, flag: 'HIGH' } : null,
    ...body,
  };
  return { ...common, labResult, ...overrides };
}
