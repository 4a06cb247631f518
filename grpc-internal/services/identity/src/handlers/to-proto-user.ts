/** Mapping of stored users to the proto User message. */
import type { User } from '@hospital/grpc-contracts';
import { roleToProto } from '../domain/roles.ts';
import type { UserRecord } from '../repositories/user-repository.ts';

/**
 * The proto form of a user (timestamps RFC 3339 UTC, role as enum name).
 * @param user - a stored user
 */
export function toProtoUser(user: UserRecord): User {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: roleToProto(user.role),
    active: user.active,
    createdAt: user.createdAt.toISOString(),
  };
}
