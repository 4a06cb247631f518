/**
 * The clinical events of the changes that raise one (contract: @hospital/grpc-contracts
 * clinical-event.ts), built from the stored rows inside the change's transaction.
 *
 * Which vitals are urgent (VITALS_ABNORMAL): the RCP NEWS2 urgent-response triggers, an aggregate
 * of 5 or more in a complete set, or any single parameter scoring 3 (scored from the parameters
 * present, so a partial set with SpO2 88 % is urgent). Every other set is VITALS_RECORDED.
 */
import { randomUUID } from 'node:crypto';
import { CLINICAL_EVENT_VERSION, type AbnormalMeasurement, type ClinicalEventType, type ClinicalEventV1 } from '@hospital/grpc-contracts';
import type { LabFlag, LabTestEntry } from '../domain/lab-catalogue.ts';
import { news2, news2Scores, type News2Parameter } from '../domain/news2.ts';
import { abnormalVitals, VITAL_RULES } from '../domain/vital-ranges.ts';
import { valuesOf } from '../handlers/to-proto.ts';
import type { LabOrderRecord, LabResultRecord, VitalsRecord } from '../repositories/records.ts';

/** What an event says besides the stored row: who, the encounter and the ward. */
export interface EventContext {
  /** The user who made the change. */
  actorId: string | null;
  /** The encounter the change belongs to, if any. */
  encounterId: string | null;
  /** The ward of the patient's current admission, if any. */
  wardId: string | null;
}

/** The fields every event has: version, a fresh event id (= the outbox row id), type, when, whom, context. */
function envelope(type: ClinicalEventType, occurredAt: Date, patientId: string, context: EventContext): Omit<ClinicalEventV1, 'labResult' | 'vitals'> {
  return { version: CLINICAL_EVENT_VERSION, eventId: randomUUID(), type, occurredAt: occurredAt.toISOString(), patientId, ...context };
}

/**
 * Why a set is urgent, or null when it is not.
 * @param input - the set's observations
 */
export function urgentTrigger(input: Parameters<typeof news2Scores>[0]): 'NEWS2_AGGREGATE' | 'NEWS2_SINGLE_PARAMETER' | null {
  const aggregate = news2(input);
  if (aggregate && aggregate.score >= 5) return 'NEWS2_AGGREGATE';
  return Object.values(news2Scores(input)).includes(3) ? 'NEWS2_SINGLE_PARAMETER' : null;
}

/**
 * The event of a stored vital-signs set: VITALS_ABNORMAL when urgent, else VITALS_RECORDED.
 * @param stored - the set as stored
 * @param context - who, encounter, ward
 */
export function vitalsEvent(stored: VitalsRecord, context: EventContext): ClinicalEventV1 {
  const values = valuesOf(stored);
  const input = { ...values, onOxygen: stored.onOxygen, consciousness: stored.consciousness ?? undefined };
  const scores: Partial<Record<string, number>> = news2Scores(input);
  const aggregate = news2(input);
  const trigger = urgentTrigger(input);
  const abnormal: AbnormalMeasurement[] = abnormalVitals(values).map((measurement) => ({
    measurement,
    value: values[measurement] ?? 0,
    unit: VITAL_RULES[measurement].unit,
    news2Points: scores[measurement as News2Parameter] ?? null,
  }));
  return {
    ...envelope(trigger ? 'VITALS_ABNORMAL' : 'VITALS_RECORDED', stored.recordedAt, stored.patientId, context),
    vitals: {
      vitalSignsId: stored.id,
      recordedAt: stored.recordedAt.toISOString(),
      news2Score: aggregate?.score ?? null,
      news2Risk: aggregate?.risk ?? null,
      trigger,
      abnormal,
      onOxygen: stored.onOxygen,
      consciousness: stored.consciousness,
    },
  };
}

/**
 * The event of a stored lab result: LAB_RESULT_AMENDED when it corrects one, else LAB_RESULT_ENTERED.
 * @param order - the order item as read before the change (holds the result an amendment corrects)
 * @param test - the item's catalogue test
 * @param stored - the result as stored
 * @param context - who, encounter, ward
 */
export function labResultEvent(order: LabOrderRecord, test: LabTestEntry, stored: LabResultRecord, context: EventContext): ClinicalEventV1 {
  const corrected = stored.amendsResultId === null ? undefined : order.results.find((r) => r.id === stored.amendsResultId);
  // The handler reads the item before amending its current result, so the corrected one is there.
  if (stored.amendsResultId !== null && !corrected) throw new Error('the corrected result is not among the order item results read');
  return {
    ...envelope(corrected ? 'LAB_RESULT_AMENDED' : 'LAB_RESULT_ENTERED', stored.enteredAt, order.patientId, context),
    labResult: {
      orderId: order.id,
      resultId: stored.id,
      orderedById: order.orderedBy,
      loincCode: test.loincCode,
      testName: test.name,
      value: stored.value,
      unit: stored.unit,
      flag: stored.flag as LabFlag,
      referenceLow: test.referenceLow,
      referenceHigh: test.referenceHigh,
      resultedAt: stored.enteredAt.toISOString(),
      amends: corrected ? { resultId: corrected.id, value: corrected.value, flag: corrected.flag as LabFlag } : null,
    },
  };
}
