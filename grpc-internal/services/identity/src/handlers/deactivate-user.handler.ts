/** DeactivateUser: an admin removes a user's access. */
import type { DeactivateUserRequest__Output, User } from '@hospital/grpc-contracts';
import { invalidInput, notFound, parseRequest, actingUserId } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import type { IdentityDeps } from '../identity-deps.ts';
import { deactivateUserSchema } from './deactivate-user.schema.ts';
import { toProtoUser } from './to-proto-user.ts';

/**
 * Deactivates a user and revokes every session and access token they hold (idempotent). An admin may not
 * deactivate themselves, so the system cannot lose its last admin this way.
 * @param request - user id
 * @param deps - user and session storage
 * @param scope - the caller and logger
 */
export async function deactivateUserHandler(request: DeactivateUserRequest__Output, deps: Pick<IdentityDeps, 'users' | 'sessions'>, scope: CallScope): Promise<User> {
  const { id } = parseRequest(deactivateUserSchema, request);
  if (id === actingUserId(scope.caller)) throw invalidInput('You cannot deactivate yourself.', 'id');
  // Deactivate first: a refresh racing this call then finds the user inactive and is refused.
  // The same write revokes access tokens already issued (the router polls ListTokenRevocations).
  const user = await deps.users.deactivate(id, new Date());
  if (!user) throw notFound('No user with this id.');
  await deps.sessions.revokeAllForUser(id);
  scope.logger.info({ targetUserId: id }, 'user deactivated');
  return toProtoUser(user);
}
