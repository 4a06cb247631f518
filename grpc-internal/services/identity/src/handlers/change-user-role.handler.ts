/** ChangeUserRole: an admin gives a user another role. */
import type { ChangeUserRoleRequest__Output, User } from '@hospital/grpc-contracts';
import { invalidInput, notFound, parseRequest, actingUserId } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import type { IdentityDeps } from '../identity-deps.ts';
import { changeUserRoleSchema } from './change-user-role.schema.ts';
import { toProtoUser } from './to-proto-user.ts';

/**
 * Gives a user another role. An admin may not demote themselves: the last admin doing so would
 * leave nobody able to manage users. Access tokens carrying the old role are revoked (the router
 * refuses them within a poll interval); the session survives, so the next refresh or login
 * yields a token with the new role.
 * @param request - user id and role
 * @param deps - user storage
 * @param scope - the caller and logger
 */
export async function changeUserRoleHandler(request: ChangeUserRoleRequest__Output, deps: Pick<IdentityDeps, 'users'>, scope: CallScope): Promise<User> {
  const { id, role } = parseRequest(changeUserRoleSchema, request);
  if (id === actingUserId(scope.caller) && role !== 'admin') throw invalidInput('You cannot remove your own admin role.', 'role');
  const user = await deps.users.changeRole(id, role, new Date());
  if (!user) throw notFound('No user with this id.');
  scope.logger.info({ targetUserId: id, role }, 'user role changed');
  return toProtoUser(user);
}
