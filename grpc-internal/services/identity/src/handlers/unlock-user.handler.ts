/** UnlockUser: an admin clears a user's sign-in throttling. */
import type { UnlockUserRequest__Output, User } from '@hospital/grpc-contracts';
import { notFound, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import type { IdentityDeps } from '../identity-deps.ts';
import { deactivateUserSchema as unlockUserSchema } from './deactivate-user.schema.ts';
import { toProtoUser } from './to-proto-user.ts';

/**
 * Clears every sign-in delay and the failure budget of a user's email, so they can sign in at once
 * from any address (after an attack on their account, or a long typo streak).
 * @param request - user id
 * @param deps - user storage and throttling counters
 * @param scope - the caller and logger
 */
export async function unlockUserHandler(request: UnlockUserRequest__Output, deps: Pick<IdentityDeps, 'users' | 'throttle'>, scope: CallScope): Promise<User> {
  const { id } = parseRequest(unlockUserSchema, request);
  const [user] = await deps.users.findByIds([id]);
  if (!user) throw notFound('No user with this id.');
  const cleared = await deps.throttle.clearAccount(user.email);
  // Logged like every admin change to an account (who did it is bound in the request context).
  scope.logger.info({ targetUserId: id, cleared }, 'user sign-in throttling cleared');
  return toProtoUser(user);
}
