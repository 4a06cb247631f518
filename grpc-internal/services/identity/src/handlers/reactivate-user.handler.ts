/** ReactivateUser: an admin lets a deactivated user sign in again. */
import type { ReactivateUserRequest__Output, User } from '@hospital/grpc-contracts';
import { notFound, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import type { IdentityDeps } from '../identity-deps.ts';
import { reactivateUserSchema } from './account.schema.ts';
import { toProtoUser } from './to-proto-user.ts';

/**
 * Marks the user active (idempotent). Sessions and access tokens revoked at deactivation stay
 * revoked: the user signs in afresh.
 * @param request - user id
 * @param deps - user storage
 * @param scope - the caller and logger
 */
export async function reactivateUserHandler(request: ReactivateUserRequest__Output, deps: Pick<IdentityDeps, 'users'>, scope: CallScope): Promise<User> {
  const { id } = parseRequest(reactivateUserSchema, request);
  const user = await deps.users.reactivate(id);
  if (!user) throw notFound('No user with this id.');
  scope.logger.info({ targetUserId: id }, 'user reactivated');
  return toProtoUser(user);
}
