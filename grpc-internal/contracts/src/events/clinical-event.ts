/**
 * THE clinical event contract (payload version 1): what the clinical outbox writes and what every
 * consumer (notifications telling the ordering doctor, the clinical subgraph's live views) accepts.
 * The schema, the types, the version, the topic, the parser and the envelope check live here and
 * nowhere else; the shared reading (JSON, version, field paths, refusals) is event-reading.ts.
 *
 * When the clinical service emits (in the transaction of the change, so a rolled-back write has
 * no event):
 * - LAB_RESULT_ENTERED: an order item's first result (typed by staff, or an HL7 ORU OBX-11 F).
 * - LAB_RESULT_AMENDED: a correction of the item's current result (AmendLabResult, HL7 OBX-11 C).
 * - VITALS_ABNORMAL: a recorded set that calls for an urgent response by the RCP NEWS2 thresholds:
 *   the aggregate score of a complete set is 5 or more, or any single parameter scores 3 (scored
 *   even when the set is incomplete: an SpO2 of 88 % alone is urgent).
 * - VITALS_RECORDED: every other recorded set (so the bed board's NEWS2 follows every set). Each
 *   set raises exactly one of the two; `vitals.trigger` is null exactly for VITALS_RECORDED.
 *
 * Messages are keyed by patient id (one patient's events stay in order). Consumers may ignore
 * fields they do not know, so adding an optional field keeps version 1; renaming or removing one,
 * or a new enum value, needs version 2 (payload-version.ts checks it against the snapshot).
 */
import { z } from 'zod';
import { readEventPayload, refuseEvent, type EventEnvelope, type EventRefusal, type EventRefusalKind } from './event-reading.ts';

/** The payload version this contract describes (also the `x-schema-version` header the relay sets). */
export const CLINICAL_EVENT_VERSION = 1;

/** Every event type (the outbox table's CHECK constraint holds the same list). */
export const CLINICAL_EVENT_TYPES = ['LAB_RESULT_ENTERED', 'LAB_RESULT_AMENDED', 'VITALS_ABNORMAL', 'VITALS_RECORDED'] as const;
/** What happened in a patient's record. */
export type ClinicalEventType = (typeof CLINICAL_EVENT_TYPES)[number];

/** A lab result's flag, as the clinical service spells it (domain/lab-catalogue.ts). */
export const LAB_RESULT_FLAGS = ['NORMAL', 'LOW', 'HIGH', 'CRITICAL_LOW', 'CRITICAL_HIGH'] as const;
/** How a result compares with its test's reference and critical ranges. */
export type LabResultFlag = (typeof LAB_RESULT_FLAGS)[number];

/** NEWS2 risk bands (domain/news2.ts): LOW 0-4, LOW_MEDIUM a single 3, MEDIUM 5-6, HIGH 7+. */
export const NEWS2_RISKS = ['LOW', 'LOW_MEDIUM', 'MEDIUM', 'HIGH'] as const;

/** The numeric measurements of a vital-signs set, by the clinical proto's field names. */
export const VITAL_MEASUREMENTS = ['temperatureC', 'pulseBpm', 'systolicMmhg', 'diastolicMmhg', 'respiratoryRate', 'spo2Percent', 'weightKg', 'heightCm', 'painScore'] as const;

/** Why a set is urgent: the complete set's aggregate (≥ 5), or one parameter scoring 3. */
export const VITALS_TRIGGERS = ['NEWS2_AGGREGATE', 'NEWS2_SINGLE_PARAMETER'] as const;

const instant = z.iso.datetime({ offset: true });
// Written as a string or null; an absent value reads as null.
const nullableText = z
  .string()
  .nullish()
  .transform((value) => value ?? null);
const nullableUuid = z
  .uuid()
  .nullish()
  .transform((value) => value ?? null);

/** A lab result as its event carries it: enough to notify and show it without another lookup. */
const labResultSchema = z.object({
  /** The lab order item (LabOrder.id: the `orderId` of EnterLabResult and of HL7 OBR-2). One item = one test. */
  orderId: z.uuid(),
  /** This result (the original, or the amendment). */
  resultId: z.uuid(),
  /** User id of the doctor who ordered the test: whom to notify. */
  orderedById: z.uuid(),
  /** LOINC code of the test (718-7). */
  loincCode: z.string().min(1),
  /** The catalogue's name of the test. */
  testName: z.string().min(1),
  /** The value, in `unit`. */
  value: z.number(),
  unit: z.string(),
  flag: z.enum(LAB_RESULT_FLAGS),
  /** The test's adult reference range, in `unit`. */
  referenceLow: z.number(),
  referenceHigh: z.number(),
  /** When the result was entered. */
  resultedAt: instant,
  /** LAB_RESULT_AMENDED: the result it corrects (so a notice can say "changed from … to …"); null when entered. */
  amends: z.object({ resultId: z.uuid(), value: z.number(), flag: z.enum(LAB_RESULT_FLAGS) }).nullable(),
});

/** One measurement outside its normal range. */
const abnormalMeasurementSchema = z.object({
  measurement: z.enum(VITAL_MEASUREMENTS),
  value: z.number(),
  unit: z.string(),
  /** Its NEWS2 points (1-3); null for measurements NEWS2 does not score (diastolic, pain, weight, height). */
  news2Points: z.number().int().min(0).max(3).nullable(),
});

/** A vital-signs set as its event carries it. */
const vitalsSchema = z.object({
  /** The stored set (VitalSigns.id). */
  vitalSignsId: z.uuid(),
  recordedAt: instant,
  /** NEWS2 aggregate; null when the set lacks one of the seven parameters. */
  news2Score: z.number().int().min(0).nullable(),
  news2Risk: z.enum(NEWS2_RISKS).nullable(),
  /** Why the set is urgent (VITALS_ABNORMAL); null for VITALS_RECORDED. */
  trigger: z.enum(VITALS_TRIGGERS).nullable(),
  /** The measurements outside their normal range, in display order. */
  abnormal: z.array(abnormalMeasurementSchema),
  /** Supplemental oxygen (NEWS2: 2 points). */
  onOxygen: z.boolean(),
  /** ACVPU: CVPU scores 3 by itself; null when not assessed. */
  consciousness: z.enum(['ALERT', 'CVPU']).nullable(),
});

/** Version 1 of the payload (`payload` of the outbox row, a Kafka message value). */
export const clinicalEventSchema = z.object({
  version: z.literal(CLINICAL_EVENT_VERSION),
  /** Event UUID (= the outbox row id): consumers de-duplicate on it. */
  eventId: z.uuid(),
  type: z.enum(CLINICAL_EVENT_TYPES),
  /** When the change happened, RFC 3339. */
  occurredAt: instant,
  /** The user who made the change (entered the result, recorded the set); null when a system account did. */
  actorId: nullableText,
  /** The patient (also the message key). */
  patientId: z.uuid(),
  /** The encounter: the lab order's; for vitals, the patient's open encounter; null when none. */
  encounterId: nullableUuid,
  /** Ward of the patient's current admission (ward staff scoping); null when not admitted. */
  wardId: nullableUuid,
  /** LAB_RESULT_ENTERED and LAB_RESULT_AMENDED only. */
  labResult: labResultSchema.optional(),
  /** VITALS_ABNORMAL and VITALS_RECORDED only. */
  vitals: vitalsSchema.optional(),
});

/** A version-1 payload as written and as parsed (before narrowing by type). */
export type ClinicalEventV1 = z.output<typeof clinicalEventSchema>;
/** The lab result of a lab event. */
export type ClinicalLabResult = z.output<typeof labResultSchema>;
/** The set of a VITALS_ABNORMAL or VITALS_RECORDED event. */
export type ClinicalVitals = z.output<typeof vitalsSchema>;
/** One abnormal measurement. */
export type AbnormalMeasurement = z.output<typeof abnormalMeasurementSchema>;

/** A lab result event, narrowed: labResult is there. */
export type LabResultEvent = Omit<ClinicalEventV1, 'type' | 'labResult' | 'vitals'> & { type: 'LAB_RESULT_ENTERED' | 'LAB_RESULT_AMENDED'; labResult: ClinicalLabResult };
/** An urgent vitals event, narrowed: vitals is there, with its trigger. */
export type AbnormalVitalsEvent = Omit<ClinicalEventV1, 'type' | 'labResult' | 'vitals'> & { type: 'VITALS_ABNORMAL'; vitals: ClinicalVitals };
/** Any other recorded set, narrowed: vitals is there, its trigger null. */
export type RecordedVitalsEvent = Omit<ClinicalEventV1, 'type' | 'labResult' | 'vitals'> & { type: 'VITALS_RECORDED'; vitals: ClinicalVitals };
/** Either vitals event. */
export type VitalsEvent = AbnormalVitalsEvent | RecordedVitalsEvent;
/** A clinical event after parsing: switch on `type`. */
export type ClinicalEvent = LabResultEvent | VitalsEvent;

/** An event as a transport delivers it: the envelope and the payload text, keyed by its patient. */
export interface RawClinicalEvent extends Omit<EventEnvelope, 'key'> {
  /** Patient UUID from the envelope (the message key). */
  patientId: string;
}

/** Why a message was refused: the shared kinds, or a body that is not its type's (a lab event without labResult, …). */
export type ClinicalEventRefusalKind = EventRefusalKind | 'body-mismatch';
/** A refused clinical message. */
export type ClinicalEventRefusal = EventRefusal<ClinicalEventRefusalKind>;
/** The outcome of reading one event. */
export type ParsedClinicalEvent = { ok: true; event: ClinicalEvent } | ClinicalEventRefusal;

/** The payload narrowed by its type, or undefined when its body is not its type's. */
function narrowed(event: ClinicalEventV1): ClinicalEvent | undefined {
  const { labResult, vitals, type, ...common } = event;
  if (type === 'VITALS_ABNORMAL' || type === 'VITALS_RECORDED') {
    if (!vitals || labResult || (type === 'VITALS_ABNORMAL') !== (vitals.trigger !== null)) return undefined;
    // One literal per branch, so each narrows to its own event type.
    return type === 'VITALS_ABNORMAL' ? { ...common, type, vitals } : { ...common, type, vitals };
  }
  if (!labResult || vitals || (type === 'LAB_RESULT_AMENDED') !== (labResult.amends !== null)) return undefined;
  return { ...common, type, labResult };
}

/**
 * Reads an event: validates its payload, checks that it agrees with its envelope (a payload about
 * another event or patient is not trusted) and that its body is its type's.
 * @param message - the event as read from a Kafka message (readClinicalEventMessage)
 */
export function parseClinicalEvent(message: RawClinicalEvent): ParsedClinicalEvent {
  const read = readEventPayload(message.payloadJson, CLINICAL_EVENT_VERSION, clinicalEventSchema);
  if (!read.ok) return read;
  if (read.event.eventId !== message.id || read.event.type !== message.type || read.event.patientId.toLowerCase() !== message.patientId.toLowerCase()) {
    return refuseEvent('envelope-mismatch', 'payload does not match its envelope');
  }
  const event = narrowed(read.event);
  if (!event) return refuseEvent('body-mismatch', `payload body does not match type ${read.event.type}`);
  return { ok: true, event };
}
