/**
 * AssignStaffToWard, UnassignStaffFromWard (admins) and ListWardStaff: which wards a ward staff
 * member reads and runs. Both changes are idempotent, so a retried request is harmless. The user
 * id is not checked against the identity department: an assignment of an unknown or non-ward user
 * grants nothing, since only ward staff are limited by assignments.
 */
import type { ListWardStaffRequest__Output, ListWardStaffResponse, StaffAssignmentRequest__Output, Ward } from '@hospital/grpc-contracts';
import { notFound, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import type { WardDeps } from '../ward-deps.ts';
import { listWardStaffSchema, staffAssignmentSchema } from './staff-assignments.schema.ts';
import { toProtoWard } from './to-proto.ts';

type Deps = Pick<WardDeps, 'wards' | 'assignments'>;

async function wardAfterChange(wardId: string, deps: Deps): Promise<Ward> {
  const [ward] = await deps.wards.findWardsByIds([wardId]);
  if (!ward) throw notFound('No ward with this id.');
  return toProtoWard(ward);
}

/**
 * Assigns a staff member to a ward; an unknown ward is NOT_FOUND.
 * @param request - user and ward
 * @param deps - ward and assignment storage
 * @param scope - the call's logger
 */
export async function assignStaffToWardHandler(request: StaffAssignmentRequest__Output, deps: Deps, scope: CallScope): Promise<Ward> {
  const assignment = parseRequest(staffAssignmentSchema, request);
  if ((await deps.assignments.assign(assignment)) === 'ward-not-found') throw notFound('No ward with this id.');
  scope.logger.info(assignment, 'staff assigned to ward');
  return wardAfterChange(assignment.wardId, deps);
}

/**
 * Removes a staff member from a ward; an unknown ward is NOT_FOUND, an absent assignment is not an error.
 * @param request - user and ward
 * @param deps - ward and assignment storage
 * @param scope - the call's logger
 */
export async function unassignStaffFromWardHandler(request: StaffAssignmentRequest__Output, deps: Deps, scope: CallScope): Promise<Ward> {
  const assignment = parseRequest(staffAssignmentSchema, request);
  await deps.assignments.unassign(assignment);
  scope.logger.info(assignment, 'staff unassigned from ward');
  return wardAfterChange(assignment.wardId, deps);
}

/**
 * The staff of several wards in one call (`Ward.staff` for a whole list of wards).
 * @param request - the ward ids
 * @param deps - assignment storage
 */
export async function listWardStaffHandler(request: ListWardStaffRequest__Output, deps: Pick<WardDeps, 'assignments'>): Promise<ListWardStaffResponse> {
  const { wardIds } = parseRequest(listWardStaffSchema, request);
  const rows = await deps.assignments.staffOfWards([...new Set(wardIds)]);
  return { assignments: rows.map((row) => ({ userId: row.userId, wardId: row.wardId, assignedAt: row.assignedAt.toISOString() })) };
}
