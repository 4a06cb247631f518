/** CreateUser: an admin adds a staff member. */
import type { CreateUserRequest__Output, User } from '@hospital/grpc-contracts';
import { conflict, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import type { IdentityDeps } from '../identity-deps.ts';
import { createUserSchema } from './create-user.schema.ts';
import { toProtoUser } from './to-proto-user.ts';

/**
 * Creates a user; a taken email is a CONFLICT.
 * @param request - email, password, display name and role
 * @param deps - user storage and password hashing
 * @param scope - the call's logger
 */
export async function createUserHandler(request: CreateUserRequest__Output, deps: Pick<IdentityDeps, 'users' | 'hashing'>, scope: CallScope): Promise<User> {
  const input = parseRequest(createUserSchema, request);
  const user = await deps.users.create({
    email: input.email,
    displayName: input.displayName,
    role: input.role,
    passwordHash: await deps.hashing.hash(input.password),
  });
  if (!user) throw conflict('A user with this email already exists.');
  scope.logger.info({ createdUserId: user.id, role: user.role }, 'user created');
  return toProtoUser(user);
}
