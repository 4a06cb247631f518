/**
 * The router's names for the access rules read from the supergraph's `@auth` / `@public`
 * directives (composition carries them; the API schema the gateway serves drops them). The
 * reading itself lives once, in `@hospital/grpc-contracts/access`, shared with the subgraph kit
 * and the README role table.
 */
import { findAccessPolicyProblems, readAccessRules, type AccessRule, type AccessRules } from '@hospital/grpc-contracts/access';
import type { GraphQLSchema } from 'graphql';

export { AUTH_DIRECTIVE, PUBLIC_DIRECTIVE, schemaFromSdl } from '@hospital/grpc-contracts/access';

/** The access rule of one coordinate. */
export type FieldRule = AccessRule;

/** Rules keyed by schema coordinate, e.g. `Patient.allergies`; unannotated fields are absent. */
export type AuthRules = AccessRules;

/**
 * Builds the rule map the router enforces; throws on an unknown role name.
 * @param schema - from `schemaFromSdl`
 */
export function buildAuthRules(schema: GraphQLSchema): AuthRules {
  return readAccessRules(schema);
}

/**
 * Policy problems that fail composition (root fields without a rule, misplaced `@public`, unknown roles).
 * @param schema - the composed supergraph schema
 */
export function findAuthPolicyProblems(schema: GraphQLSchema): string[] {
  return findAccessPolicyProblems(schema);
}
