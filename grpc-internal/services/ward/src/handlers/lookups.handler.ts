/**
 * The read methods: every ward, lookups by id for entity batching (one call for N keys), and a
 * ward's bed board. Unknown ids are left out of batched answers; the bed board of an unknown
 * ward is NOT_FOUND.
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
import type { WardDeps } from '../ward-deps.ts';
import { bedBoardSchema, idsRequestSchema, listBedsSchema, patientAdmissionsSchema } from './lookups.schema.ts';
import { inRequestOrder, toProtoAdmission, toProtoBed, toProtoWard } from './to-proto.ts';

type Wards = Pick<WardDeps, 'wards'>;
type Admissions = Pick<WardDeps, 'admissions'>;
const unique = (ids: readonly string[]) => [...new Set(ids)];

/**
 * Every ward with its occupancy, ordered by name.
 * @param deps - ward storage
 */
export async function listWardsHandler(deps: Wards): Promise<ListWardsResponse> {
  return { wards: (await deps.wards.listWards()).map(toProtoWard) };
}

/**
 * Wards by id, in request order.
 * @param request - the ids
 * @param deps - ward storage
 */
export async function getWardsHandler(request: GetWardsRequest__Output, deps: Wards): Promise<GetWardsResponse> {
  const { ids } = parseRequest(idsRequestSchema, request);
  return { wards: inRequestOrder(ids, await deps.wards.findWardsByIds(unique(ids))).map(toProtoWard) };
}

/**
 * Beds by id with their occupants, in request order.
 * @param request - the ids
 * @param deps - ward storage
 */
export async function getBedsHandler(request: GetBedsRequest__Output, deps: Wards): Promise<GetBedsResponse> {
  const { ids } = parseRequest(idsRequestSchema, request);
  return { beds: inRequestOrder(ids, await deps.wards.findBedsByIds(unique(ids))).map(toProtoBed) };
}

/**
 * The beds of several wards, each with its occupant.
 * @param request - the ward ids
 * @param deps - ward storage
 */
export async function listBedsHandler(request: ListBedsRequest__Output, deps: Wards): Promise<ListBedsResponse> {
  const { wardIds } = parseRequest(listBedsSchema, request);
  return { beds: (await deps.wards.bedsOfWards(unique(wardIds))).map(toProtoBed) };
}

/**
 * One ward's bed board: the ward with its counts, and every bed with its occupant or free.
 * @param request - the ward id
 * @param deps - ward storage
 */
export async function getBedBoardHandler(request: GetBedBoardRequest__Output, deps: Wards): Promise<GetBedBoardResponse> {
  const { wardId } = parseRequest(bedBoardSchema, request);
  const [ward] = await deps.wards.findWardsByIds([wardId]);
  if (!ward) throw notFound('No ward with this id.');
  return { ward: toProtoWard(ward), beds: (await deps.wards.bedsOfWards([wardId])).map(toProtoBed) };
}

/**
 * Admissions by id, in request order.
 * @param request - the ids
 * @param deps - admission storage
 */
export async function getAdmissionsHandler(request: GetAdmissionsRequest__Output, deps: Admissions): Promise<GetAdmissionsResponse> {
  const { ids } = parseRequest(idsRequestSchema, request);
  return { admissions: inRequestOrder(ids, await deps.admissions.findByIds(unique(ids))).map(toProtoAdmission) };
}

/**
 * Every admission of several patients, newest first: N patients on the supergraph cost one call.
 * @param request - the patient ids
 * @param deps - admission storage
 */
export async function getPatientAdmissionsHandler(
  request: GetPatientAdmissionsRequest__Output,
  deps: Admissions,
): Promise<GetPatientAdmissionsResponse> {
  const { patientIds } = parseRequest(patientAdmissionsSchema, request);
  return { admissions: (await deps.admissions.findByPatients(unique(patientIds))).map(toProtoAdmission) };
}
