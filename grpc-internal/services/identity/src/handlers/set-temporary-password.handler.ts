/** SetTemporaryPassword: an admin gives a user a password to sign in with (a forgotten password). */
import type { SetTemporaryPasswordRequest__Output, User } from '@hospital/grpc-contracts';
import { actingUserId, invalidInput, notFound, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { passwordProblem } from '../domain/password-policy.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { setTemporaryPasswordSchema } from './account.schema.ts';
import { toProtoUser } from './to-proto-user.ts';

/**
 * Replaces the user's password, ends every session and access token they hold (whoever knew the
 * old password is out) and clears their sign-in delays so the new password works at once.
 * Not for the admin's own account: that is ChangeOwnPassword, which proves the current one.
 * @param request - user id and the new password
 * @param deps - user and session storage, throttling counters and hashing
 * @param scope - the caller and logger
 */
export async function setTemporaryPasswordHandler(
  request: SetTemporaryPasswordRequest__Output,
  deps: Pick<IdentityDeps, 'users' | 'sessions' | 'throttle' | 'hashing'>,
  scope: CallScope,
): Promise<User> {
  const { id, password } = parseRequest(setTemporaryPasswordSchema, request);
  if (id === actingUserId(scope.caller)) throw invalidInput('Change your own password with "Change my password".', 'id');
  const [found] = await deps.users.findByIds([id]);
  if (!found) throw notFound('No user with this id.');
  const problem = passwordProblem(password, found);
  if (problem) throw invalidInput(problem, 'password');
  const user = await deps.users.setPasswordHash(id, await deps.hashing.hash(password), { revokedAt: new Date(), temporary: true });
  // An admin's reset replaces whatever is stored (no `replacing`), so it is never 'changed-meanwhile'.
  if (!user || user === 'changed-meanwhile') throw notFound('No user with this id.');
  await deps.sessions.revokeAllForUser(id);
  await deps.throttle.clearAccount(user.email);
  scope.logger.info({ targetUserId: id }, 'temporary password set');
  return toProtoUser(user);
}
