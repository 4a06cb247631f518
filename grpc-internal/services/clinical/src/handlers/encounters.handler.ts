/**
 * OpenVisit, OpenStay, CloseEncounter, GetEncounters and GetPatientEncounters. A visit belongs to
 * one checked-in appointment and a stay to one active admission, each asked of its department on
 * behalf of the caller, so a doctor opens visits only of appointments they may see. Opening twice
 * (or concurrently) answers the same encounter.
 */
import type {
  CloseEncounterRequest__Output,
  Encounter,
  GetEncountersRequest__Output,
  GetEncountersResponse,
  GetPatientEncountersRequest__Output,
  GetPatientEncountersResponse,
  OpenStayRequest__Output,
  OpenVisitRequest__Output,
} from '@hospital/grpc-contracts';
import { conflict, distinctIds, notFound, parseRequest, requireActingUser } from '@hospital/service-kit';
import type { CallScope } from '@hospital/service-kit/grpc';
import type { ClinicalDeps } from '../clinical-deps.ts';
import type { EncounterRecord } from '../repositories/records.ts';
import { assertMayTouchRecord, readablePatients, readableRecords } from '../domain/record-access.ts';
import { closeEncounterSchema, getEncountersSchema, getPatientEncountersSchema, openStaySchema, openVisitSchema } from './encounters.schema.ts';
import { toProtoEncounter } from './to-proto.ts';

const WHO = 'Only a signed-in clinician may do this.';

/**
 * Opens the visit of a checked-in appointment.
 * @param request - the appointment
 * @param deps - storage and the appointments department
 * @param scope - the caller
 */
export async function openVisitHandler(request: OpenVisitRequest__Output, deps: ClinicalDeps, scope: CallScope): Promise<Encounter> {
  const { appointmentId } = parseRequest(openVisitSchema, request);
  const openedBy = requireActingUser(scope.caller, WHO);
  const appointment = await deps.care.appointment(appointmentId, scope);
  if (!appointment) throw notFound('No appointment with this id.');
  if (appointment.status !== 'CHECKED_IN') {
    // A visit already opened for it is still the answer (a retried open after completion).
    const [existing] = await deps.encounters.findByPatients([appointment.patientId]).then((all) => all.filter((e) => e.appointmentId === appointmentId));
    if (existing) return toProtoEncounter(existing);
    throw conflict('Check the patient in before opening the visit.');
  }
  const encounter = await deps.encounters.openOnce({ patientId: appointment.patientId, kind: 'OUTPATIENT', appointmentId, admissionId: null, openedBy });
  scope.logger.info({ encounterId: encounter.id, appointmentId }, 'visit opened');
  return toProtoEncounter(encounter);
}

/**
 * Opens the inpatient encounter of an active admission.
 * @param request - the admission
 * @param deps - storage and the ward department
 * @param scope - the caller
 */
export async function openStayHandler(request: OpenStayRequest__Output, deps: ClinicalDeps, scope: CallScope): Promise<Encounter> {
  const { admissionId } = parseRequest(openStaySchema, request);
  const openedBy = requireActingUser(scope.caller, WHO);
  const admission = await deps.care.admission(admissionId, scope);
  if (!admission) throw notFound('No admission with this id.');
  if (!admission.active) throw conflict('The patient has been discharged: the stay can no longer be opened.');
  await assertMayTouchRecord(admission.patientId, deps.carers, scope, 'stay');
  const encounter = await deps.encounters.openOnce({ patientId: admission.patientId, kind: 'INPATIENT', appointmentId: null, admissionId, openedBy });
  scope.logger.info({ encounterId: encounter.id, admissionId }, 'stay opened');
  return toProtoEncounter(encounter);
}

/**
 * The encounter, or NOT_FOUND.
 * @param id - encounter id
 * @param deps - storage
 */
export async function encounterOrNotFound(id: string, deps: Pick<ClinicalDeps, 'encounters'>): Promise<EncounterRecord> {
  const [encounter] = await deps.encounters.findByIds([id]);
  if (!encounter) throw notFound('No encounter with this id.');
  return encounter;
}

/** A visit ends with its appointment completed (done here unless it is already). */
async function completeVisit(encounter: EncounterRecord, deps: ClinicalDeps, scope: CallScope): Promise<void> {
  const appointmentId = encounter.appointmentId ?? '';
  const appointment = await deps.care.appointment(appointmentId, scope);
  if (!appointment) throw notFound('No encounter with this id.');
  if (appointment.status === 'COMPLETED') return;
  if (appointment.status === 'CHECKED_IN' && (await deps.care.completeAppointment(appointmentId, scope))) return;
  // Lost a race with another completion, or the appointment moved on: say which.
  const now = await deps.care.appointment(appointmentId, scope);
  if (now?.status !== 'COMPLETED') throw conflict('The appointment can no longer be completed.');
}

/**
 * Closes an encounter: a visit completes its appointment; a stay needs its admission discharged.
 * @param request - the encounter
 * @param deps - storage and the other departments
 * @param scope - the caller
 */
export async function closeEncounterHandler(request: CloseEncounterRequest__Output, deps: ClinicalDeps, scope: CallScope): Promise<Encounter> {
  const { encounterId } = parseRequest(closeEncounterSchema, request);
  const closedBy = requireActingUser(scope.caller, WHO);
  const encounter = await encounterOrNotFound(encounterId, deps);
  await assertMayTouchRecord(encounter.patientId, deps.carers, scope, 'encounter', [encounter.openedBy]);
  if (encounter.closedAt) throw conflict('The encounter is already closed.');
  if (encounter.kind === 'OUTPATIENT') await completeVisit(encounter, deps, scope);
  else {
    const admission = await deps.care.admission(encounter.admissionId ?? '', scope);
    if (admission?.active !== false) throw conflict('Discharge the patient before closing the stay.');
  }
  const closed = await deps.encounters.close(encounterId, closedBy);
  if (closed === 'already-closed') throw conflict('The encounter is already closed.');
  scope.logger.info({ encounterId }, 'encounter closed');
  return toProtoEncounter(closed);
}

/**
 * Encounters by id, in request order (unknown ids left out; those of patients outside the caller's
 * care, unless they opened them, withheld or FORBIDDEN: domain/record-access.ts).
 * @param request - the ids
 * @param deps - storage and the care relationships
 * @param scope - the caller
 */
export async function getEncountersHandler(request: GetEncountersRequest__Output, deps: ClinicalDeps, scope: CallScope): Promise<GetEncountersResponse> {
  const { ids } = parseRequest(getEncountersSchema, request);
  const keys = distinctIds(ids);
  const stored = await deps.encounters.findByIds(keys);
  const readable = await readableRecords(keys, stored, { keyOf: (e) => e.id, patientOf: (e) => e.patientId, authorsOf: (e) => [e.openedBy] }, deps.carers, scope, 'encounter');
  const found = new Map(readable.map((e) => [e.id.toLowerCase(), e]));
  return { encounters: ids.flatMap((id) => (found.has(id.toLowerCase()) ? [toProtoEncounter(found.get(id.toLowerCase())!)] : [])) };
}

/**
 * Every encounter of several patients, newest first: the patients in the caller's care.
 * @param request - the patients
 * @param deps - storage and the care relationships
 * @param scope - the caller
 */
export async function getPatientEncountersHandler(request: GetPatientEncountersRequest__Output, deps: ClinicalDeps, scope: CallScope): Promise<GetPatientEncountersResponse> {
  const { patientIds } = parseRequest(getPatientEncountersSchema, request);
  const keys = distinctIds(patientIds);
  const visible = await readablePatients(keys, deps.carers, scope, 'encounter');
  return { encounters: (await deps.encounters.findByPatients(visible)).map(toProtoEncounter) };
}
