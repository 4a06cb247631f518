/**
 * The read methods: every ward, lookups by id for entity batching (one call for N keys), and a
 * ward's bed board. Unknown ids are left out of batched answers; the bed board of an unknown
 * ward is NOT_FOUND. Ward staff see only their assigned wards (domain/ward-access.ts): records of
 * other wards are answered as unknown ids.
 */
import type {
  GetAdmissionsRequest__Output,
  GetAdmissionsResponse,
  GetBedBoardRequest__Output,
  GetBedBoardResponse,
  GetBedsRequest__Output,
  GetBedsResponse,
  GetPatientAdmissionsRequest__Output,
  GetPatientAdmissionsResponse,
  GetWardsRequest__Output,
  GetWardsResponse,
  ListBedsRequest__Output,
  ListBedsResponse,
  ListWardsResponse,
} from '@hospital/grpc-contracts';
import { notFound, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { coversWard, denyWardObjectAccess, type WardObjectKind } from '../domain/ward-access.ts';
import type { WardDeps } from '../ward-deps.ts';
import { callerWardScope } from './caller-wards.ts';
import { bedBoardSchema, idsRequestSchema, listBedsSchema, patientAdmissionsSchema } from './lookups.schema.ts';
import { inRequestOrder, toProtoAdmission, toProtoBed, toProtoWard } from './to-proto.ts';

type Wards = Pick<WardDeps, 'wards' | 'assignments'>;
type Admissions = Pick<WardDeps, 'admissions' | 'assignments'>;
const unique = (ids: readonly string[]) => [...new Set(ids)];

/**
 * Keeps the records the caller may see; each one asked for by id and refused is reported as denied.
 * @param records - what storage found
 * @param kind - what they are
 * @param wardIdOf - the ward of a record
 * @param deps - assignment storage
 * @param scope - the caller
 */
async function visibleById<T extends { id: string }>(
  records: T[],
  kind: WardObjectKind,
  wardIdOf: (record: T) => string,
  deps: Pick<WardDeps, 'assignments'>,
  scope: CallScope,
): Promise<T[]> {
  const wards = await callerWardScope(deps, scope);
  return records.filter((record) => {
    if (coversWard(wards, wardIdOf(record))) return true;
    denyWardObjectAccess(scope.caller, scope.logger, { kind, id: record.id, patientId: (record as { patientId?: string }).patientId }, scope.noteDeniedAccess);
    return false;
  });
}

/**
 * Every ward the caller may see with its occupancy, ordered by name.
 * @param deps - ward and assignment storage
 * @param scope - the caller
 */
export async function listWardsHandler(deps: Wards, scope: CallScope): Promise<ListWardsResponse> {
  const wards = await callerWardScope(deps, scope);
  const all = await deps.wards.listWards();
  return { wards: all.filter((ward) => coversWard(wards, ward.id)).map(toProtoWard) };
}

/**
 * Wards by id, in request order.
 * @param request - the ids
 * @param deps - ward storage
 */
export async function getWardsHandler(request: GetWardsRequest__Output, deps: Wards, scope: CallScope): Promise<GetWardsResponse> {
  const { ids } = parseRequest(idsRequestSchema, request);
  const found = await visibleById(await deps.wards.findWardsByIds(unique(ids)), 'ward', (ward) => ward.id, deps, scope);
  return { wards: inRequestOrder(ids, found).map(toProtoWard) };
}

/**
 * Beds by id with their occupants, in request order.
 * @param request - the ids
 * @param deps - ward storage
 */
export async function getBedsHandler(request: GetBedsRequest__Output, deps: Wards, scope: CallScope): Promise<GetBedsResponse> {
  const { ids } = parseRequest(idsRequestSchema, request);
  const found = await visibleById(await deps.wards.findBedsByIds(unique(ids)), 'bed', (bed) => bed.wardId, deps, scope);
  return { beds: inRequestOrder(ids, found).map(toProtoBed) };
}

/**
 * The beds of several wards, each with its occupant.
 * @param request - the ward ids
 * @param deps - ward storage
 */
export async function listBedsHandler(request: ListBedsRequest__Output, deps: Wards, scope: CallScope): Promise<ListBedsResponse> {
  const { wardIds } = parseRequest(listBedsSchema, request);
  // Asked-for ward ids pass the same check as stored records (an unknown ward simply has no beds).
  const allowed = await visibleById(
    unique(wardIds).map((id) => ({ id })),
    'ward',
    (ward) => ward.id,
    deps,
    scope,
  );
  return { beds: (await deps.wards.bedsOfWards(allowed.map((ward) => ward.id))).map(toProtoBed) };
}

/**
 * One ward's bed board: the ward with its counts, and every bed with its occupant or free.
 * @param request - the ward id
 * @param deps - ward storage
 */
export async function getBedBoardHandler(request: GetBedBoardRequest__Output, deps: Wards, scope: CallScope): Promise<GetBedBoardResponse> {
  const { wardId } = parseRequest(bedBoardSchema, request);
  if (!coversWard(await callerWardScope(deps, scope), wardId)) throw denyWardObjectAccess(scope.caller, scope.logger, { kind: 'ward', id: wardId });
  const [ward] = await deps.wards.findWardsByIds([wardId]);
  if (!ward) throw notFound('No ward with this id.');
  return { ward: toProtoWard(ward), beds: (await deps.wards.bedsOfWards([wardId])).map(toProtoBed) };
}

/**
 * Admissions by id, in request order.
 * @param request - the ids
 * @param deps - admission storage
 */
export async function getAdmissionsHandler(request: GetAdmissionsRequest__Output, deps: Admissions, scope: CallScope): Promise<GetAdmissionsResponse> {
  const { ids } = parseRequest(idsRequestSchema, request);
  const found = await visibleById(await deps.admissions.findByIds(unique(ids)), 'admission', (admission) => admission.wardId, deps, scope);
  return { admissions: inRequestOrder(ids, found).map(toProtoAdmission) };
}

/**
 * Every admission of several patients, newest first: N patients on the supergraph cost one call.
 * Ward staff get the stays on their own wards only (a stay elsewhere is not listed, and audited as denied).
 * @param request - the patient ids
 * @param deps - admission storage
 * @param scope - the caller
 */
export async function getPatientAdmissionsHandler(request: GetPatientAdmissionsRequest__Output, deps: Admissions, scope: CallScope): Promise<GetPatientAdmissionsResponse> {
  const { patientIds } = parseRequest(patientAdmissionsSchema, request);
  const wards = await callerWardScope(deps, scope);
  const admissions = await deps.admissions.findByPatients(unique(patientIds));
  const visible = admissions.filter((admission) => {
    if (coversWard(wards, admission.wardId)) return true;
    // Withheld, not unknown: the audit trail records a denied look at this patient's stay.
    denyWardObjectAccess(scope.caller, scope.logger, { kind: 'admission', id: admission.id, patientId: admission.patientId }, scope.noteDeniedAccess);
    return false;
  });
  return { admissions: visible.map(toProtoAdmission) };
}
