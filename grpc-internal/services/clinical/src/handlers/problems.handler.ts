/**
 * AddProblem, ResolveProblem, GetPatientProblems and SearchIcd10: the problem list, coded against
 * the shipped ICD-10 list. A problem is diagnosed in an open encounter (which names the patient);
 * it stays on the list once resolved (history), and is resolved once.
 */
import type {
  AddProblemRequest__Output,
  GetPatientProblemsRequest__Output,
  GetPatientProblemsResponse,
  Problem,
  ResolveProblemRequest__Output,
  SearchIcd10Request__Output,
  SearchIcd10Response,
} from '@hospital/grpc-contracts';
import { conflict, distinctIds, invalidInput, notFound, parseRequest, requireActingUser } from '@hospital/service-kit';
import type { CallScope } from '@hospital/service-kit/grpc';
import type { ClinicalDeps } from '../clinical-deps.ts';
import type { Icd10Catalogue } from '../domain/icd10.ts';
import type { ProblemRecord } from '../repositories/records.ts';
import { assertMayTouchRecord, readablePatients } from '../domain/record-access.ts';
import { encounterOrNotFound } from './encounters.handler.ts';
import { addProblemSchema, getPatientProblemsSchema, resolveProblemSchema, searchIcd10Schema } from './problems.schema.ts';

/** The latest day a clinical date may name: tomorrow in UTC, so every time zone's today passes. */
function latestDay(now = new Date()): string {
  return new Date(now.getTime() + 86_400_000).toISOString().slice(0, 10);
}

/**
 * A problem as sent.
 * @param record - the stored problem
 */
export function toProtoProblem(record: ProblemRecord, codes: Icd10Catalogue): Problem {
  return {
    id: record.id,
    patientId: record.patientId,
    encounterId: record.encounterId,
    icd10Code: record.icd10Code,
    description: codes.find(record.icd10Code)?.description ?? '',
    onsetDate: record.onsetOn ?? '',
    resolvedDate: record.resolvedOn ?? '',
    recordedBy: record.recordedBy,
    recordedAt: record.recordedAt.toISOString(),
  };
}

/**
 * Records a coded problem in an open encounter.
 * @param request - encounter, code, onset
 * @param deps - storage
 * @param scope - the caller
 */
export async function addProblemHandler(request: AddProblemRequest__Output, deps: ClinicalDeps, scope: CallScope): Promise<Problem> {
  const { encounterId, icd10Code, onsetDate } = parseRequest(addProblemSchema, request);
  const recordedBy = requireActingUser(scope.caller, 'Only a signed-in clinician may record a diagnosis.');
  const code = deps.icd10.find(icd10Code);
  if (!code) throw invalidInput('icd10Code is not in the ICD-10 code list.', 'icd10Code');
  if (onsetDate && onsetDate > latestDay()) throw invalidInput('onsetDate must not be in the future.', 'onsetDate');
  const encounter = await encounterOrNotFound(encounterId, deps);
  await assertMayTouchRecord(encounter.patientId, deps.carers, scope, 'problem', [encounter.openedBy]);
  if (encounter.closedAt) throw conflict('The encounter is closed: record the diagnosis in an open one.');
  const problem = await deps.problems.add({ patientId: encounter.patientId, encounterId, icd10Code: code.code, onsetOn: onsetDate, recordedBy });
  scope.logger.info({ problemId: problem.id, encounterId }, 'problem recorded');
  return toProtoProblem(problem, deps.icd10);
}

/**
 * Marks an active problem resolved.
 * @param request - problem and date
 * @param deps - storage
 * @param scope - the caller
 */
export async function resolveProblemHandler(request: ResolveProblemRequest__Output, deps: ClinicalDeps, scope: CallScope): Promise<Problem> {
  const { problemId, resolvedDate } = parseRequest(resolveProblemSchema, request);
  requireActingUser(scope.caller, 'Only a signed-in clinician may resolve a diagnosis.');
  const problem = await deps.problems.find(problemId);
  if (!problem) throw notFound('No problem with this id.');
  await assertMayTouchRecord(problem.patientId, deps.carers, scope, 'problem', [problem.recordedBy]);
  if (resolvedDate > latestDay()) throw invalidInput('resolvedDate must not be in the future.', 'resolvedDate');
  if (problem.onsetOn && resolvedDate < problem.onsetOn) throw invalidInput('resolvedDate must not be before the onset.', 'resolvedDate');
  const resolved = problem.resolvedOn ? 'resolved' : await deps.problems.resolve(problemId, resolvedDate);
  if (resolved === 'resolved') throw conflict('The problem is already resolved.');
  return toProtoProblem(resolved, deps.icd10);
}

/**
 * The problem lists of several patients: those in the caller's care (the others withheld and
 * audited as denied; FORBIDDEN when none is).
 * @param request - the patients
 * @param deps - storage and the care relationships
 * @param scope - the caller
 */
export async function getPatientProblemsHandler(request: GetPatientProblemsRequest__Output, deps: ClinicalDeps, scope: CallScope): Promise<GetPatientProblemsResponse> {
  const { patientIds } = parseRequest(getPatientProblemsSchema, request);
  const visible = await readablePatients(distinctIds(patientIds), deps.carers, scope, 'problem');
  return { problems: (await deps.problems.ofPatients(visible)).map((record) => toProtoProblem(record, deps.icd10)) };
}

/**
 * Searches the ICD-10 list (no patient data: not audited).
 * @param request - the text
 * @param deps - the code list
 */
export function searchIcd10Handler(request: SearchIcd10Request__Output, deps: Pick<ClinicalDeps, 'icd10'>): Promise<SearchIcd10Response> {
  const { query } = parseRequest(searchIcd10Schema, request);
  return Promise.resolve({ codes: deps.icd10.search(query) });
}
