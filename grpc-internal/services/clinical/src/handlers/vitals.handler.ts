/**
 * RecordVitals and GetPatientVitals. Reads and writes need a care relationship with the patient
 * (domain/record-access.ts: ward staff the patients admitted on their wards, doctors their
 * appointments' patients, admins anyone; the doctor who opened the open encounter charts in it),
 * and a set is charted for a patient admitted somewhere or with an open encounter.
 * Impossible values are refused (BAD_USER_INPUT naming the field); abnormal ones are stored and
 * flagged, and every set carries its NEWS2 when complete.
 */
import type { GetPatientVitalsRequest__Output, GetPatientVitalsResponse, RecordVitalsRequest__Output, VitalSigns } from '@hospital/grpc-contracts';
import { denyObjectAccess, distinctIds, invalidInput, parseRequest, requireActingUser } from '@hospital/service-kit';
import { assertMayTouchRecord, readablePatients } from '../domain/record-access.ts';
import type { CallScope } from '@hospital/service-kit/grpc';
import type { ClinicalDeps } from '../clinical-deps.ts';
import { firstImplausible, VITAL_NAMES, type VitalValues } from '../domain/vital-ranges.ts';
import { vitalsEvent } from '../outbox/clinical-events.ts';
import type { VitalsRecord } from '../repositories/records.ts';
import { toProtoVitals } from './to-proto.ts';
import { getPatientVitalsSchema, recordVitalsSchema } from './vitals.schema.ts';

/** Sets returned per patient: a chart's worth. */
export const VITALS_PER_PATIENT = 100;

/**
 * Where the set is charted (see the file comment): the ward of the patient's current admission
 * and their open encounter, for the set's event; FORBIDDEN outside the caller's care, undefined
 * when the patient is neither admitted where the caller sees nor in an open encounter.
 */
async function chartingContext(patientId: string, deps: ClinicalDeps, scope: CallScope): Promise<{ wardId: string | null; encounterId: string | null } | undefined> {
  // Newest first: the newest open encounter is the one the set belongs to.
  const open = (await deps.encounters.findByPatients([patientId])).find((encounter) => encounter.closedAt === null);
  await assertMayTouchRecord(patientId, deps.carers, scope, 'vital signs', open ? [open.openedBy] : []);
  const wardId = (await deps.care.currentWards([patientId], scope)).get(patientId.toLowerCase()) ?? null;
  if (wardId === null && !open) return undefined;
  return { wardId, encounterId: open?.id ?? null };
}

/**
 * Records a set of vital signs.
 * @param request - patient and measurements
 * @param deps - storage and the ward department
 * @param scope - the caller
 */
export async function recordVitalsHandler(request: RecordVitalsRequest__Output, deps: ClinicalDeps, scope: CallScope): Promise<VitalSigns> {
  const { patientId, vitals } = parseRequest(recordVitalsSchema, request);
  const recordedBy = requireActingUser(scope.caller, 'Only a signed-in clinician may record vital signs.');
  const values: VitalValues = Object.fromEntries(VITAL_NAMES.flatMap((name) => (vitals[name] === undefined ? [] : [[name, vitals[name]]])));
  const consciousness = vitals.consciousness ?? null;
  if (Object.keys(values).length === 0 && consciousness === null) throw invalidInput('Record at least one measurement.', 'vitals');
  const implausible = firstImplausible(values);
  if (implausible) throw invalidInput(implausible.message, implausible.name);
  const context = await chartingContext(patientId, deps, scope);
  if (!context) throw denyObjectAccess(scope, { kind: 'patient', id: patientId, patientId }, 'not admitted where the caller sees and no open encounter');
  const eventOf = (set: VitalsRecord) => vitalsEvent(set, { actorId: recordedBy, ...context });
  const stored = await deps.vitals.record(
    {
      patientId,
      recordedBy,
      temperatureC: values.temperatureC ?? null,
      pulseBpm: values.pulseBpm ?? null,
      systolicMmhg: values.systolicMmhg ?? null,
      diastolicMmhg: values.diastolicMmhg ?? null,
      respiratoryRate: values.respiratoryRate ?? null,
      spo2Percent: values.spo2Percent ?? null,
      onOxygen: vitals.onOxygen,
      consciousness,
      weightKg: values.weightKg ?? null,
      heightCm: values.heightCm ?? null,
      painScore: values.painScore ?? null,
    },
    eventOf,
  );
  const sent = toProtoVitals(stored);
  scope.logger.info({ vitalsId: stored.id, abnormal: sent.abnormal?.length ?? 0 }, 'vital signs recorded');
  return sent;
}

/**
 * The vital signs of several patients, newest first: the patients in the caller's care (the
 * others withheld and audited as denied; FORBIDDEN when none is).
 * @param request - the patients
 * @param deps - storage and the care relationships
 * @param scope - the caller
 */
export async function getPatientVitalsHandler(request: GetPatientVitalsRequest__Output, deps: ClinicalDeps, scope: CallScope): Promise<GetPatientVitalsResponse> {
  const { patientIds } = parseRequest(getPatientVitalsSchema, request);
  const keys = distinctIds(patientIds);
  const visible = await readablePatients(keys, deps.carers, scope, 'vital signs');
  return { vitals: (await deps.vitals.latestOf(visible, VITALS_PER_PATIENT)).map(toProtoVitals) };
}
