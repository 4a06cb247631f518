/**
 * Role names in their two spellings: proto enums (ROLE_ADMIN) on the wire, lower-case names
 * (admin) in the database, tokens and service-kit.
 */
import { isRole, type RoleName } from '@hospital/service-kit';
import type { Role } from '@hospital/grpc-contracts';

const PREFIX = 'ROLE_';

/**
 * The role a proto enum value names; undefined for ROLE_UNSPECIFIED and unknown values.
 * @param role - the decoded enum (a name, or a number when the sender used a value we do not know)
 */
export function roleFromProto(role: string | number | undefined): RoleName | undefined {
  if (typeof role !== 'string' || !role.startsWith(PREFIX)) return undefined;
  const name = role.slice(PREFIX.length).toLowerCase();
  return isRole(name) ? name : undefined;
}

/**
 * The proto enum name of a role.
 * @param role - a role name
 */
export function roleToProto(role: RoleName): Role {
  return `${PREFIX}${role.toUpperCase()}` as Role;
}
