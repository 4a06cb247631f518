/** ListAdmissions: admissions by ward and status, newest first, a page at a time. */
import type { ListAdmissionsRequest__Output, ListAdmissionsResponse } from '@hospital/grpc-contracts';
import { decodeCursor, encodeCursor, invalidInput, pageSize, parseRequest, uuidSchema } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { coversWard, denyWardObjectAccess } from '../domain/ward-access.ts';
import type { AdmissionPosition } from '../repositories/admission-repository.ts';
import type { AdmissionRecord } from '../repositories/records.ts';
import type { WardDeps } from '../ward-deps.ts';
import { callerWardScope } from './caller-wards.ts';
import { listAdmissionsSchema } from './list-admissions.schema.ts';
import { toProtoAdmission } from './to-proto.ts';

function cursorOf(admission: AdmissionRecord): string {
  return encodeCursor([admission.admittedAt.toISOString(), admission.id]);
}

function positionFrom(cursor: string): AdmissionPosition | undefined {
  if (!cursor) return undefined;
  const [admittedAt, id] = decodeCursor(cursor, 2);
  const at = new Date(admittedAt!);
  if (Number.isNaN(at.getTime()) || !uuidSchema.safeParse(id).success) throw invalidInput('Invalid cursor.', 'after');
  return { admittedAt: at, id: id! };
}

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
  const filter = {
    ...(wardId ? { wardId } : wards.kind === 'assigned' ? { wardIds: [...wards.wardIds] } : {}),
    ...(status ? { status } : {}),
  };
  const limit = pageSize(page.first);
  const after = positionFrom(page.after);
  // One row more than the page tells whether another page follows.
  const [rows, totalCount] = await Promise.all([deps.admissions.list({ ...filter, ...(after ? { after } : {}), limit: limit + 1 }), deps.admissions.count(filter)]);
  const admissions = rows.slice(0, limit);
  const cursors = admissions.map(cursorOf);
  return {
    admissions: admissions.map(toProtoAdmission),
    cursors,
    pageInfo: { endCursor: cursors.at(-1) ?? '', hasNextPage: rows.length > limit, totalCount },
  };
}
