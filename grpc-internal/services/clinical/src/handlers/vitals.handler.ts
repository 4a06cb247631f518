/**
 * RecordVitals and GetPatientVitals. Ward staff record and read the vital signs of patients
 * admitted on their wards only (the ward department answers on their behalf which those are);
 * doctors and admins those of any patient admitted where they see, or with an open encounter.
 * Impossible values are refused (BAD_USER_INPUT naming the field); abnormal ones are stored and
 * flagged, and every set carries its NEWS2 when complete.
 */
import type { GetPatientVitalsRequest__Output, GetPatientVitalsResponse, RecordVitalsRequest__Output, VitalSigns } from '@hospital/grpc-contracts';
import { denyObjectAccess, invalidInput, parseRequest, requireActingUser } from '@hospital/service-kit';
import type { CallScope } from '@hospital/service-kit/grpc';
import type { ClinicalDeps } from '../clinical-deps.ts';
import { firstImplausible, VITAL_NAMES, type VitalValues } from '../domain/vital-ranges.ts';
import { vitalsEvent } from '../outbox/clinical-events.ts';
import type { VitalsRecord } from '../repositories/records.ts';
import { toProtoVitals } from './to-proto.ts';
import { getPatientVitalsSchema, recordVitalsSchema } from './vitals.schema.ts';

/** Sets returned per patient: a chart's worth. */
export const VITALS_PER_PATIENT = 100;

const isWardStaff = (scope: CallScope) => scope.caller.kind === 'user' && scope.caller.role === 'ward_staff';

/**
 * Where the caller may chart this patient (see the file comment): the ward of the patient's
 * current admission and their open encounter, for the set's event; undefined when they may not.
 */
async function chartingContext(patientId: string, deps: ClinicalDeps, scope: CallScope): Promise<{ wardId: string | null; encounterId: string | null } | undefined> {
  const wardId = (await deps.care.currentWards([patientId], scope)).get(patientId.toLowerCase()) ?? null;
  if (wardId === null && isWardStaff(scope)) return undefined;
  // Newest first: the newest open encounter is the one the set belongs to.
  const open = (await deps.encounters.findByPatients([patientId])).find((encounter) => encounter.closedAt === null);
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
  if (!context) throw denyObjectAccess(scope, { kind: 'patient', id: patientId, patientId }, "not admitted on the caller's wards and no open encounter");
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
 * The vital signs of several patients, newest first; ward staff get only their wards' patients
 * (the others are withheld and audited as denied).
 * @param request - the patients
 * @param deps - storage and the ward department
 * @param scope - the caller
 */
export async function getPatientVitalsHandler(request: GetPatientVitalsRequest__Output, deps: ClinicalDeps, scope: CallScope): Promise<GetPatientVitalsResponse> {
  const { patientIds } = parseRequest(getPatientVitalsSchema, request);
  const unique = [...new Set(patientIds.map((id) => id.toLowerCase()))];
  let visible = unique;
  if (isWardStaff(scope)) {
    const admitted = await deps.care.admittedWhereCallerSees(unique, scope);
    visible = unique.filter((id) => admitted.has(id));
    const withheld = unique.filter((id) => !admitted.has(id));
    if (withheld.length > 0) scope.noteDeniedAccess?.(withheld);
  }
  return { vitals: (await deps.vitals.latestOf(visible, VITALS_PER_PATIENT)).map(toProtoVitals) };
}
