/** ChangeOwnPassword: the signed-in user replaces their password. */
import type { ChangeOwnPasswordRequest__Output, User } from '@hospital/grpc-contracts';
import { invalidInput, notFound, parseRequest, requireActingUser } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { throttleKeys } from '../domain/login-throttle.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { changeOwnPasswordSchema } from './account.schema.ts';
import { replaceOwnPassword } from './replace-password.ts';
import { toProtoUser } from './to-proto-user.ts';

/**
 * Checks the current password (a token left on an unlocked screen is not enough to take the
 * account over; its hashing counts against the address like a sign-in), then stores the new one if it
 * passes the policy and differs from the current one. Every session of the user ends, this one too
 * (the service cannot tell them apart): the dashboard signs in again with the new password.
 * @param request - current and new password
 * @param deps - user storage and hashing
 * @param scope - the caller and logger
 */
export async function changeOwnPasswordHandler(
  request: ChangeOwnPasswordRequest__Output,
  deps: Pick<IdentityDeps, 'users' | 'sessions' | 'hashing'>,
  scope: CallScope,
): Promise<User> {
  const { currentPassword, newPassword } = parseRequest(changeOwnPasswordSchema, request);
  const userId = requireActingUser(scope.caller, 'Only a signed-in person has a password to change.');
  const [user] = await deps.users.findByIds([userId]);
  const credentials = user ? await deps.users.findCredentialsByEmail(user.email) : undefined;
  if (!user || !credentials) throw notFound('Your account no longer exists.');
  if (!(await deps.hashing.verify(currentPassword, credentials.passwordHash, scope.origin.ip ? throttleKeys(user.email, scope.origin.ip).address : undefined)))
    throw invalidInput('The current password is not correct.', 'currentPassword');
  const updated = await replaceOwnPassword(user, currentPassword, credentials.passwordHash, newPassword, deps);
  scope.logger.info({ targetUserId: userId }, 'own password changed; every session ended');
  return toProtoUser(updated);
}
