/** The one way a user's own password is replaced: "change my password" and a sign-in replacing a temporary one. */
import { conflict, invalidInput, notFound } from '@hospital/service-kit';
import { passwordProblem } from '../domain/password-policy.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import type { UserRecord } from '../repositories/user-repository.ts';

/**
 * Stores the user's new password once it differs from the current one and passes the policy, and
 * ends every session and access token the user holds: whoever else knew the old password (a
 * colleague who saw the temporary one, a thief) is out everywhere. The caller signs in anew.
 * @param user - the user, whose current password was just verified
 * @param currentPassword - that password
 * @param verifiedHash - the stored hash it was verified against: if another replacement landed since
 *   (two sign-ins racing on one temporary password, two tabs changing it), this one is refused
 * @param newPassword - the replacement
 * @param deps - user and session storage, hashing
 * @returns the user as stored now
 */
export async function replaceOwnPassword(
  user: UserRecord,
  currentPassword: string,
  verifiedHash: string,
  newPassword: string,
  deps: Pick<IdentityDeps, 'users' | 'sessions' | 'hashing'>,
): Promise<UserRecord> {
  if (newPassword === currentPassword) throw invalidInput('Choose a password different from the current one.', 'newPassword');
  const problem = passwordProblem(newPassword, user);
  if (problem) throw invalidInput(problem, 'newPassword');
  const updated = await deps.users.setPasswordHash(user.id, await deps.hashing.hash(newPassword), {
    revokedAt: new Date(),
    temporary: false,
    replacing: verifiedHash,
  });
  if (!updated) throw notFound('Your account no longer exists.');
  if (updated === 'changed-meanwhile') throw conflict('Your password was changed meanwhile: sign in with the new one.');
  await deps.sessions.revokeAllForUser(user.id);
  return updated;
}
