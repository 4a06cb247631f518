/**
 * AdmitPatient, TransferPatient, DischargePatient. Who gets a bed is decided by the database's
 * partial unique indexes, not by a read before the write, so concurrent requests cannot both
 * win; the loser gets a CONFLICT naming the bed or the patient's current place.
 */
import type { Admission, AdmitPatientRequest__Output, DischargePatientRequest__Output, TransferPatientRequest__Output } from '@hospital/grpc-contracts';
import { conflict, invalidInput, notFound, parseRequest, requireActingUser } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { assertCanDischarge, assertCanTransfer } from '../domain/admission-rules.ts';
import { bedOccupiedMessage, bedOutOfServiceMessage, patientAdmittedMessage } from '../domain/clash-messages.ts';
import type { BedRefusal } from '../repositories/admission-repository.ts';
import { isTransientConflict } from '../repositories/database-errors.ts';
import { coversWard, denyWardObjectAccess, type WardScope } from '../domain/ward-access.ts';
import type { AdmissionState } from '../repositories/records.ts';
import type { WardDeps } from '../ward-deps.ts';
import { assertBedInCallerWards } from './beds-and-wards.handler.ts';
import { callerWardScope } from './caller-wards.ts';
import { admitPatientSchema, dischargePatientSchema, transferPatientSchema } from './admissions.schema.ts';
import { toProtoAdmission } from './to-proto.ts';

/** Service principals pass `unary`, but a stay's record must name the staff member responsible. */
const RECORDER_REQUIRED = 'Only a signed-in staff member can record this.';

/** The error for a bed that cannot take the patient. */
function bedRefused(refusal: BedRefusal): Error {
  switch (refusal.kind) {
    case 'bed-not-found':
      return notFound('No bed with this id.');
    case 'bed-out-of-service':
      return conflict(bedOutOfServiceMessage(refusal.bed));
    case 'bed-occupied':
      return conflict(bedOccupiedMessage(refusal.bed));
  }
}

/**
 * The guard of a change to an existing admission: checked on the locked row, so the admission
 * cannot move to another ward between the check and the change. Ward staff change stays on their
 * own wards only; anyone else's are answered as unknown.
 */
function onCallerWard(wards: WardScope, admissionId: string, scope: CallScope, rule: (current: AdmissionState) => void) {
  return (current: AdmissionState) => {
    if (!coversWard(wards, current.wardId)) throw denyWardObjectAccess(scope.caller, scope.logger, { kind: 'admission', id: admissionId });
    rule(current);
  };
}

/** PostgreSQL broke a deadlock or serialization clash by aborting us: nothing was written. */
async function reportingTransientClash<T>(change: () => Promise<T>): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (isTransientConflict(error)) throw conflict('The bed board changed while saving; look again and retry.');
    throw error;
  }
}

/**
 * Admits a patient who exists and is not archived (asked of the patients service) into a free bed.
 * @param request - patient, bed, reason
 * @param deps - storage and the patients directory
 * @param scope - the caller (recorded as admitting) and logger
 */
export async function admitPatientHandler(request: AdmitPatientRequest__Output, deps: WardDeps, scope: CallScope): Promise<Admission> {
  const input = parseRequest(admitPatientSchema, request);
  const admittedBy = requireActingUser(scope.caller, RECORDER_REQUIRED);
  await assertBedInCallerWards(input.bedId, deps, scope);
  const patient = await deps.patients.find(input.patientId, scope);
  if (!patient) throw notFound('No patient with this id.');
  if (patient.archived) throw invalidInput('This patient record is archived; restore it before admitting.', 'patientId');
  const outcome = await reportingTransientClash(() => deps.admissions.admit({ ...input, admittedBy }));
  if (outcome.kind === 'patient-admitted') {
    // Where the patient lies is told only to someone who may see that ward; others learn only
    // that an admission exists (which they need, to stop a double admission).
    const current = outcome.current && coversWard(await callerWardScope(deps, scope), outcome.current.wardId) ? outcome.current : undefined;
    throw conflict(patientAdmittedMessage(current));
  }
  if (outcome.kind !== 'admitted') throw bedRefused(outcome);
  scope.logger.info({ admissionId: outcome.admission.id, bedId: input.bedId, patientId: input.patientId }, 'patient admitted');
  return toProtoAdmission(outcome.admission);
}

/**
 * Refuses a transfer whose bed is not on the ward the client named (beds never change ward, so
 * checking before the transaction is as good as inside it). An unknown bed is left to the move.
 */
async function assertBedOnWard(bedId: string, wardId: string, deps: Pick<WardDeps, 'wards'>): Promise<void> {
  const [bed] = await deps.wards.findBedsByIds([bedId]);
  if (bed && bed.wardId !== wardId) throw invalidInput(`Bed ${bed.label} is not on the ward chosen for this transfer; pick a bed of that ward.`, 'bedId');
}

/**
 * Moves an active admission to another free bed of the ward it names and records the transfer.
 * @param request - admission, target ward and target bed
 * @param deps - admission storage
 * @param scope - the caller (recorded as transferring) and logger
 */
export async function transferPatientHandler(
  request: TransferPatientRequest__Output,
  deps: Pick<WardDeps, 'admissions' | 'wards' | 'assignments'>,
  scope: CallScope,
): Promise<Admission> {
  const input = parseRequest(transferPatientSchema, request);
  const by = requireActingUser(scope.caller, RECORDER_REQUIRED);
  // Ward staff move patients between beds of wards they are assigned to (both ends).
  await assertBedInCallerWards(input.bedId, deps, scope);
  await assertBedOnWard(input.bedId, input.wardId, deps);
  const wards = await callerWardScope(deps, scope);
  const guard = onCallerWard(wards, input.admissionId, scope, (current) => assertCanTransfer(current, input.bedId));
  const outcome = await reportingTransientClash(() => deps.admissions.transfer({ ...input, by }, guard));
  if (outcome.kind === 'admission-not-found') throw notFound('No admission with this id.');
  if (outcome.kind !== 'transferred') throw bedRefused(outcome);
  scope.logger.info({ admissionId: input.admissionId, bedId: input.bedId }, 'patient transferred');
  return toProtoAdmission(outcome.admission);
}

/**
 * Discharges an active admission with its summary; discharging twice is an illegal transition.
 * @param request - admission and summary
 * @param deps - admission storage
 * @param scope - the caller (recorded as discharging) and logger
 */
export async function dischargePatientHandler(request: DischargePatientRequest__Output, deps: Pick<WardDeps, 'admissions' | 'assignments'>, scope: CallScope): Promise<Admission> {
  const input = parseRequest(dischargePatientSchema, request);
  const by = requireActingUser(scope.caller, RECORDER_REQUIRED);
  const guard = onCallerWard(await callerWardScope(deps, scope), input.admissionId, scope, assertCanDischarge);
  const outcome = await reportingTransientClash(() => deps.admissions.discharge({ ...input, by }, guard));
  if (outcome.kind === 'admission-not-found') throw notFound('No admission with this id.');
  // The summary is clinical text: log ids only.
  scope.logger.info({ admissionId: input.admissionId }, 'patient discharged');
  return toProtoAdmission(outcome.admission);
}
