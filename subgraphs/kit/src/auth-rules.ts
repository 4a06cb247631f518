/**
 * The `@auth` / `@public` rules of a schema, read once as data. Subgraphs enforce them on every
 * resolver (auth-directive.ts); the router and the README generator can read the same rules from
 * a subgraph or supergraph SDL, so there is one interpretation of the directives in the system.
 *
 * Semantics (the SDL's own words): `@auth(requires: [A, B])` admits a caller holding A or B;
 * repeated applications, and a type-level `@auth` on top of a field-level one, must all hold.
 * Root fields need a signed-in user unless marked `@public`; other fields need nothing beyond
 * their `@auth`, because they are only reachable through a root field or `_entities`.
 */
import { buildASTSchema, isObjectType, parse, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { getDirective } from '@graphql-tools/utils';
import type { Caller, RoleName } from '@hospital/service-kit';
import { roleNameFromEnum } from './roles.ts';

/** What one field (or type) demands of the caller. */
export interface AccessRule {
  /** A signed-in user is needed. */
  authenticated: boolean;
  /** Every inner list must contain the caller's role (AND of ORs); empty when any user will do. */
  roles: RoleName[][];
}

/** The rules of a schema: per field (`Type.field`) and per type (type-level `@auth` only). */
export interface AuthRules {
  /** Fields with a requirement; fields left out are open. */
  fields: Map<string, AccessRule>;
  /** Type-level role requirements, checked before an entity is even fetched. */
  types: Map<string, RoleName[][]>;
}

/** Federation plumbing that must stay open: composition tools read the SDL through it. */
const OPEN_ROOT_FIELDS = new Set(['_service']);

/**
 * Reads the rules from a built schema or from SDL text (subgraph or supergraph).
 * @param schemaOrSdl - a schema, or SDL that defines the `@auth` and `@public` directives
 */
export function readAuthRules(schemaOrSdl: GraphQLSchema | string): AuthRules {
  // Federation SDL uses directives it never defines (@key, @link…); validation would reject it.
  const schema = typeof schemaOrSdl === 'string' ? buildASTSchema(parse(schemaOrSdl), { assumeValidSDL: true }) : schemaOrSdl;
  const rootTypes = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((t) => t !== null && t !== undefined).map((t) => t.name));
  const rules: AuthRules = { fields: new Map(), types: new Map() };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const typeRoles = readRoles(schema, type);
    if (typeRoles.length > 0) rules.types.set(type.name, typeRoles);
    for (const field of Object.values(type.getFields())) {
      const roles = [...typeRoles, ...readRoles(schema, field)];
      const isRoot = rootTypes.has(type.name);
      const isPublic = isRoot && (OPEN_ROOT_FIELDS.has(field.name) || (getDirective(schema, field, 'public')?.length ?? 0) > 0);
      // @auth beats @public: a contradiction fails closed.
      const authenticated = roles.length > 0 || (isRoot && !isPublic);
      if (authenticated) rules.fields.set(`${type.name}.${field.name}`, { authenticated, roles });
    }
  }
  return rules;
}

function readRoles(schema: GraphQLSchema, node: GraphQLObjectType | GraphQLField<unknown, unknown>): RoleName[][] {
  const applications = getDirective(schema, node, 'auth') ?? [];
  return applications.map((args) => {
    const requires: unknown = args['requires'];
    if (!Array.isArray(requires)) throw new Error(`@auth on ${node.name} needs a requires list`);
    return requires.map((value: unknown) => {
      const role = typeof value === 'string' ? roleNameFromEnum(value) : undefined;
      // An unknown role would silently admit nobody or, worse, be skipped: refuse to start.
      if (!role) throw new Error(`@auth on ${node.name} names an unknown role: ${String(value)}`);
      return role;
    });
  });
}

/** Outcome of an access check. */
export type AccessDecision = 'allowed' | 'UNAUTHENTICATED' | 'FORBIDDEN';

/**
 * Decides whether a caller meets a rule (or a type's role lists).
 * @param caller - the verified caller
 * @param rule - a field rule, or a type's role lists
 */
export function decideAccess(caller: Caller | undefined, rule: AccessRule | RoleName[][]): AccessDecision {
  const { authenticated, roles } = Array.isArray(rule) ? { authenticated: rule.length > 0, roles: rule } : rule;
  if (!authenticated && roles.length === 0) return 'allowed';
  if (caller?.kind !== 'user') return 'UNAUTHENTICATED';
  return roles.every((anyOf) => anyOf.includes(caller.role)) ? 'allowed' : 'FORBIDDEN';
}
