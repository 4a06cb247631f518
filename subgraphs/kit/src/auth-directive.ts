/**
 * Enforces `@auth` / `@public` inside the subgraph, on the schema `buildSubgraphSchema` returns.
 * The router checks the same rules first, but the subgraph must not rely on it: the rules hold for
 * any way a field is reached, including `_entities` fetches planned for another subgraph's query.
 * The rules and the decision come from `@hospital/grpc-contracts/access`, shared with the router.
 */
import { defaultFieldResolver, GraphQLError, GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { mapSchema, MapperKind } from '@graphql-tools/utils';
import {
  decideEntityAccess,
  decideFieldAccess,
  isScopeBound,
  needsCheck,
  readAccessRules,
  rootTypeNames,
  type AccessRule,
  type AccessRules,
  type AccessVerdict,
} from '@hospital/grpc-contracts/access';
import type { Caller } from '@hospital/service-kit';

/** The extension slot where `@apollo/subgraph` keeps a type's `__resolveReference`. */
interface SubgraphTypeExtensions {
  apollo?: { subgraph?: { resolveReference?: (reference: object, context: unknown, info: unknown) => unknown } };
}

/** Throws the GraphQL error for a denied verdict; returns quietly when allowed. */
function throwUnlessAllowed(verdict: AccessVerdict, caller: Caller | undefined): void {
  if (verdict === 'UNAUTHENTICATED') throw new GraphQLError('Sign in first.', { extensions: { code: 'UNAUTHENTICATED' } });
  if (verdict === 'FORBIDDEN') {
    throw new GraphQLError(caller?.kind === 'app' ? 'Your scopes do not cover this.' : 'Your role may not do this.', { extensions: { code: 'FORBIDDEN' } });
  }
}

const callerOf = (context: unknown) => (context as { caller?: Caller } | undefined)?.caller;

/**
 * Throws the GraphQL error for a denied decision; returns quietly when allowed.
 * @param context - the resolver context (expects `caller`)
 * @param rule - what the field or type demands
 * @param isRoot - the field sits on a root type (false for type-level checks)
 * @param coordinate - `Type.field`, which an app's scopes are matched against
 */
export function assertAccess(context: unknown, rule: AccessRule | undefined, isRoot: boolean, coordinate?: string): void {
  const caller = callerOf(context);
  throwUnlessAllowed(decideFieldAccess(caller, rule, isRoot, coordinate), caller);
}

function guard<S, C, A>(resolve: GraphQLFieldResolver<S, C, A>, rule: AccessRule | undefined, isRoot: boolean, coordinate: string): GraphQLFieldResolver<S, C, A> {
  return (source, args, context, info) => {
    assertAccess(context, rule, isRoot, coordinate);
    return resolve(source, args, context, info);
  };
}

/** For fields no role rule guards: only a third-party app is checked (by its scopes, on every field). */
function appGuard<S, C, A>(resolve: GraphQLFieldResolver<S, C, A>, isRoot: boolean, coordinate: string): GraphQLFieldResolver<S, C, A> {
  return (source, args, context, info) => {
    if (isScopeBound(callerOf(context))) assertAccess(context, undefined, isRoot, coordinate);
    return resolve(source, args, context, info);
  };
}

/**
 * Returns a copy of the schema whose resolvers check the `@auth` / `@public` rules first.
 * @param schema - the output of `buildSubgraphSchema`
 * @param rules - the rules to enforce; read from the schema when left out
 */
export function applyAuthDirectives(schema: GraphQLSchema, rules: AccessRules = readAccessRules(schema)): GraphQLSchema {
  const roots = rootTypeNames(schema);
  return mapSchema(schema, {
    [MapperKind.OBJECT_TYPE]: (type) => {
      const typeRule = rules.get(type.name);
      const extensions = type.extensions as SubgraphTypeExtensions;
      const resolveReference = extensions.apollo?.subgraph?.resolveReference;
      if (!resolveReference) return type;
      // Every entity is guarded, @auth or not: an app needs a scope on the entity's resource
      // (User: Practitioner), a user the type's roles. Checked before the fetch, so a caller who
      // may not see the type costs no gRPC call. Async on purpose: `_entities` then fails only
      // this representation, not the whole batch.
      const guarded = async (reference: object, context: unknown, info: unknown) => {
        const caller = callerOf(context);
        throwUnlessAllowed(decideEntityAccess(caller, typeRule, type.name), caller);
        return resolveReference(reference, context, info);
      };
      const config = type.toConfig();
      return new GraphQLObjectType({
        ...config,
        extensions: { ...config.extensions, apollo: { ...extensions.apollo, subgraph: { ...extensions.apollo?.subgraph, resolveReference: guarded } } },
      });
    },
    [MapperKind.OBJECT_FIELD]: (fieldConfig, fieldName, typeName) => {
      const coordinate = `${typeName}.${fieldName}`;
      const rule = rules.get(coordinate);
      const isRoot = roots.has(typeName);
      if (!needsCheck(rule, isRoot)) {
        // Federation plumbing (`_service`, `_entities`) stays as it is; `_entities` members are fields checked here.
        if (fieldName.startsWith('_') || typeName.startsWith('_')) return fieldConfig;
        return { ...fieldConfig, resolve: appGuard(fieldConfig.resolve ?? defaultFieldResolver, isRoot, coordinate) };
      }
      return {
        ...fieldConfig,
        resolve: guard(fieldConfig.resolve ?? defaultFieldResolver, rule, isRoot, coordinate),
        // Subscriptions are checked when they start, not only per event.
        subscribe: fieldConfig.subscribe ? guard(fieldConfig.subscribe, rule, isRoot, coordinate) : undefined,
      };
    },
  });
}
