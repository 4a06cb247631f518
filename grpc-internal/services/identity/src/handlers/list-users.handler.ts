/** ListUsers: pages through users by (email, id). */
import type { ListUsersRequest__Output, ListUsersResponse } from '@hospital/grpc-contracts';
import { decodeCursor, encodeCursor, invalidInput, keysetOf, keysetPage, parseRequest, uuidSchema } from '@hospital/service-kit';
import type { IdentityDeps } from '../identity-deps.ts';
import type { UserPosition } from '../repositories/user-repository.ts';
import { listUsersSchema } from './list-users.schema.ts';
import { toProtoUser } from './to-proto-user.ts';

function positionFrom(cursor: string): UserPosition {
  const [email, id] = decodeCursor(cursor, 2);
  if (!email || !uuidSchema.safeParse(id).success) throw invalidInput('Invalid cursor.', 'after');
  return { email, id: id! };
}

/**
 * One page of users, optionally of one role or matching a search, with the total count.
 * @param request - role filter and page
 * @param deps - user storage
 */
export async function listUsersHandler(request: ListUsersRequest__Output, deps: Pick<IdentityDeps, 'users'>): Promise<ListUsersResponse> {
  const { role, search, page } = parseRequest(listUsersSchema, request);
  const { limit, readLimit, after } = keysetOf(page, positionFrom);
  const [read, totalCount] = await Promise.all([deps.users.list({ role, search, after, limit: readLimit }), deps.users.count({ role, search })]);
  const { rows, cursors, pageInfo } = keysetPage(read, limit, (user) => encodeCursor([user.email, user.id]), totalCount);
  return { users: rows.map(toProtoUser), cursors, pageInfo };
}
