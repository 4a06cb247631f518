/** ChangeOwnPassword: the signed-in user replaces their password. */
import type { ChangeOwnPasswordRequest__Output, User } from '@hospital/grpc-contracts';
import { invalidInput, notFound, parseRequest, requireActingUser } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { throttleKeys } from '../domain/login-throttle.ts';
import { passwordProblem } from '../domain/password-policy.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { changeOwnPasswordSchema } from './account.schema.ts';
import { toProtoUser } from './to-proto-user.ts';

/**
 * Checks the current password (a token left on an unlocked screen is not enough to take the
 * account over; its hashing counts against the address like a sign-in), then stores the new one if it passes the policy and differs from the current one.
 * @param request - current and new password
 * @param deps - user storage and hashing
 * @param scope - the caller and logger
 */
export async function changeOwnPasswordHandler(request: ChangeOwnPasswordRequest__Output, deps: Pick<IdentityDeps, 'users' | 'hashing'>, scope: CallScope): Promise<User> {
  const { currentPassword, newPassword } = parseRequest(changeOwnPasswordSchema, request);
  const userId = requireActingUser(scope.caller, 'Only a signed-in person has a password to change.');
  const [user] = await deps.users.findByIds([userId]);
  const credentials = user ? await deps.users.findCredentialsByEmail(user.email) : undefined;
  if (!user || !credentials) throw notFound('Your account no longer exists.');
  if (!(await deps.hashing.verify(currentPassword, credentials.passwordHash, scope.origin.ip ? throttleKeys(user.email, scope.origin.ip).address : undefined)))
    throw invalidInput('The current password is not correct.', 'currentPassword');
  if (newPassword === currentPassword) throw invalidInput('Choose a password different from the current one.', 'newPassword');
  const problem = passwordProblem(newPassword, user);
  if (problem) throw invalidInput(problem, 'newPassword');
  const updated = await deps.users.setPasswordHash(userId, await deps.hashing.hash(newPassword));
  if (!updated) throw notFound('Your account no longer exists.');
  scope.logger.info({ targetUserId: userId }, 'own password changed');
  return toProtoUser(updated);
}
