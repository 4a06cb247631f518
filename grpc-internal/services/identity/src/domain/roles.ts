/**
 * Role names in their two spellings: proto enums (ROLE_ADMIN) on the wire, lower-case names
 * (admin) in the database, tokens and service-kit.
 */
import { fromProtoEnum, protoEnum, ROLES, toProtoEnum, type RoleName } from '@hospital/service-kit';
import type { Role } from '@hospital/grpc-contracts';

/** The proto enum Role. */
export const ROLE_ENUM = protoEnum('ROLE_', ROLES);

/**
 * The role a proto enum value names; undefined for ROLE_UNSPECIFIED and unknown values.
 * @param role - the decoded enum (a name, or a number when the sender used a value we do not know)
 */
export function roleFromProto(role: string | number | undefined): RoleName | undefined {
  return fromProtoEnum(ROLE_ENUM, role);
}

/**
 * The proto enum name of a role.
 * @param role - a role name
 */
export function roleToProto(role: RoleName): Role {
  return toProtoEnum(ROLE_ENUM, role);
}
