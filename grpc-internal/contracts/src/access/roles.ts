/**
 * The five staff roles and their three spellings: the GraphQL enum (`WARD_STAFF`), the proto enum
 * (`ROLE_WARD_STAFF`) and the form inside tokens and services (`ward_staff`). Every translation goes
 * through here, so directive checks, resolvers and services can never disagree. Imports nothing at
 * run time (the service kit re-exports the token form).
 */
import type { Role__Output } from '../generated/hospital/common/v1/Role.ts';

/** Roles in the form used inside tokens and services. */
export const ROLES = ['admin', 'doctor', 'pharmacist', 'finance', 'ward_staff'] as const;
/** A role, as tokens and services spell it. */
export type RoleName = (typeof ROLES)[number];

/** The GraphQL `Role` enum values, as the SDL spells them (same order as {@link ROLES}). */
export const GRAPHQL_ROLES = ['ADMIN', 'DOCTOR', 'PHARMACIST', 'FINANCE', 'WARD_STAFF'] as const;
/** A GraphQL `Role` enum value. */
export type GraphqlRole = (typeof GRAPHQL_ROLES)[number];
/** A proto `hospital.common.v1.Role` value, as the promise clients return it. */
export type ProtoRole = Role__Output;

/**
 * True when the value is one of the five roles (token form).
 * @param value - anything
 */
export function isRole(value: unknown): value is RoleName {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

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
 * GraphQL role → token role (`WARD_STAFF` → `ward_staff`).
 * @param role - GraphQL enum value
 */
export function roleNameFromGraphql(role: GraphqlRole): RoleName {
  return role.toLowerCase() as RoleName;
}

/**
 * Proto role → GraphQL role (`ROLE_ADMIN` → `ADMIN`). `ROLE_UNSPECIFIED` never leaves a service on
 * purpose, so meeting it is a contract breach and fails instead of guessing.
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
