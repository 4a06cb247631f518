/**
 * One role, three spellings: the GraphQL enum (`WARD_STAFF`), the proto enum (`ROLE_WARD_STAFF`)
 * and the form inside tokens and services (`ward_staff`). Every translation goes through here so
 * the directive checks and the resolvers can never disagree.
 */
import { isRole, type RoleName } from '@hospital/service-kit';
import type { User__Output } from '@hospital/grpc-contracts';

/** The GraphQL `Role` enum values, as the SDL spells them. */
export const GRAPHQL_ROLES = ['ADMIN', 'DOCTOR', 'PHARMACIST', 'FINANCE', 'WARD_STAFF'] as const;
/** A GraphQL `Role` enum value. */
export type GraphqlRole = (typeof GRAPHQL_ROLES)[number];
/** A proto `hospital.common.v1.Role` value, as the promise clients return it. */
export type ProtoRole = User__Output['role'];

/**
 * Reads a role named in a directive argument, in either the GraphQL (`WARD_STAFF`) or the proto
 * (`ROLE_WARD_STAFF`) spelling; undefined for anything else, so callers can fail closed.
 * @param name - the enum value as found in the schema
 */
export function roleNameFromEnum(name: string): RoleName | undefined {
  const lower = name.replace(/^ROLE_/, '').toLowerCase();
  return isRole(lower) ? lower : undefined;
}

/**
 * GraphQL role → caller role (`WARD_STAFF` → `ward_staff`).
 * @param role - GraphQL enum value
 */
export function roleNameFromGraphql(role: GraphqlRole): RoleName {
  return role.toLowerCase() as RoleName;
}

/**
 * Proto role → GraphQL role (`ROLE_ADMIN` → `ADMIN`). `ROLE_UNSPECIFIED` never leaves a service on
 * purpose, so meeting it is a contract breach and fails the field instead of guessing.
 * @param role - proto enum value
 */
export function graphqlRoleFromProto(role: ProtoRole): GraphqlRole {
  const name = role.replace(/^ROLE_/, '');
  if (!(GRAPHQL_ROLES as readonly string[]).includes(name)) throw new Error(`Unexpected role from service: ${role}`);
  return name as GraphqlRole;
}

/**
 * GraphQL role → proto role (`ADMIN` → `ROLE_ADMIN`).
 * @param role - GraphQL enum value
 */
export function protoRoleFromGraphql(role: GraphqlRole): ProtoRole {
  return `ROLE_${role}`;
}
