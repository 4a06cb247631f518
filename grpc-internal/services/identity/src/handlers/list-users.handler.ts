/** ListUsers: pages through users by (email, id). */
import type { ListUsersRequest__Output, ListUsersResponse } from '@hospital/grpc-contracts';
import { decodeCursor, encodeCursor, invalidInput, pageSize, parseRequest, uuidSchema } from '@hospital/service-kit';
import type { IdentityDeps } from '../identity-deps.ts';
import type { UserPosition } from '../repositories/user-repository.ts';
import { listUsersSchema } from './list-users.schema.ts';
import { toProtoUser } from './to-proto-user.ts';

function positionFrom(cursor: string): UserPosition | undefined {
  if (!cursor) return undefined;
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
  const limit = pageSize(page.first);
  const after = positionFrom(page.after);
  // One row more than the page tells whether another page follows, without a second count.
  const [rows, totalCount] = await Promise.all([deps.users.list({ role, search, after, limit: limit + 1 }), deps.users.count({ role, search })]);
  const users = rows.slice(0, limit);
  const cursors = users.map((user) => encodeCursor([user.email, user.id]));
  return {
    users: users.map(toProtoUser),
    cursors,
    pageInfo: { endCursor: cursors.at(-1) ?? '', hasNextPage: rows.length > limit, totalCount },
  };
}
