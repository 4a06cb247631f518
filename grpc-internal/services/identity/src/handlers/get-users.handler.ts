/** GetUsers: users by id, for entity resolution. */
import type { GetUsersRequest__Output, GetUsersResponse } from '@hospital/grpc-contracts';
import { parseRequest } from '@hospital/service-kit';
import type { IdentityDeps } from '../identity-deps.ts';
import { getUsersSchema } from './get-users.schema.ts';
import { toProtoUser } from './to-proto-user.ts';

/**
 * Users by id in request order; unknown ids are left out.
 * @param request - the ids
 * @param deps - user storage
 */
export async function getUsersHandler(request: GetUsersRequest__Output, deps: Pick<IdentityDeps, 'users'>): Promise<GetUsersResponse> {
  const { ids } = parseRequest(getUsersSchema, request);
  const found = new Map((await deps.users.findByIds([...new Set(ids)])).map((user) => [user.id, user]));
  return { users: ids.flatMap((id) => (found.has(id) ? [toProtoUser(found.get(id)!)] : [])) };
}
