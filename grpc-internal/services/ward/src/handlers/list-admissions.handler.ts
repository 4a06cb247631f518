/** ListAdmissions: admissions by ward and status, newest first, a page at a time. */
import type { ListAdmissionsRequest__Output, ListAdmissionsResponse } from '@hospital/grpc-contracts';
import { instantIdOrder, keysetOf, keysetPage, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { coversWard, denyWardObjectAccess } from '../domain/ward-access.ts';
import type { WardDeps } from '../ward-deps.ts';
import { callerWardScope } from './caller-wards.ts';
import { listAdmissionsSchema } from './list-admissions.schema.ts';
import { toProtoAdmission } from './to-proto.ts';

const { cursorOf, positionFrom } = instantIdOrder('admittedAt');

const EMPTY_PAGE: ListAdmissionsResponse = { admissions: [], cursors: [], pageInfo: { endCursor: '', hasNextPage: false, totalCount: 0 } };

/**
 * One page of admissions with the total count. Ward staff list their assigned wards only; naming
 * another ward gets an empty page, as an unknown ward does.
 * @param request - ward and status filters, page
 * @param deps - admission and assignment storage
 * @param scope - the caller
 */
export async function listAdmissionsHandler(
  request: ListAdmissionsRequest__Output,
  deps: Pick<WardDeps, 'admissions' | 'assignments'>,
  scope: CallScope,
): Promise<ListAdmissionsResponse> {
  const { wardId, status, page } = parseRequest(listAdmissionsSchema, request);
  const wards = await callerWardScope(deps, scope);
  if (wardId && !coversWard(wards, wardId)) {
    denyWardObjectAccess(scope.caller, scope.logger, { kind: 'ward', id: wardId });
    return EMPTY_PAGE;
  }
  // A ward asked for narrows to it; otherwise a ward staff member sees their assigned wards.
  const filter = { wardId, wardIds: !wardId && wards.kind === 'assigned' ? [...wards.wardIds] : undefined, status };
  const { limit, readLimit, after } = keysetOf(page, positionFrom);
  const [read, totalCount] = await Promise.all([deps.admissions.list({ ...filter, after, limit: readLimit }), deps.admissions.count(filter)]);
  const { rows, cursors, pageInfo } = keysetPage(read, limit, cursorOf, totalCount);
  return { admissions: rows.map(toProtoAdmission), cursors, pageInfo };
}
