/**
 * Enforces `@auth` / `@public` inside the subgraph, on the schema `buildSubgraphSchema` returns.
 * The router checks the same rules first, but the subgraph must not rely on it: the rules hold for
 * any way a field is reached, including `_entities` fetches planned for another subgraph's query.
 */
import { defaultFieldResolver, GraphQLError, GraphQLObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { mapSchema, MapperKind } from '@graphql-tools/utils';
import type { Caller } from '@hospital/service-kit';
import { decideAccess, readAuthRules, type AccessRule, type AuthRules } from './auth-rules.ts';

/** The extension slot where `@apollo/subgraph` keeps a type's `__resolveReference`. */
interface SubgraphTypeExtensions {
  apollo?: { subgraph?: { resolveReference?: (reference: object, context: unknown, info: unknown) => unknown } };
}

/**
 * Throws the GraphQL error for a denied decision; returns quietly when allowed.
 * @param context - the resolver context (expects `caller`)
 * @param rule - what the field or type demands
 */
export function assertAccess(context: unknown, rule: AccessRule | AccessRule['roles']): void {
  const caller = (context as { caller?: Caller } | undefined)?.caller;
  const decision = decideAccess(caller, rule);
  if (decision === 'UNAUTHENTICATED') throw new GraphQLError('Sign in first.', { extensions: { code: 'UNAUTHENTICATED' } });
  if (decision === 'FORBIDDEN') throw new GraphQLError('Your role may not do this.', { extensions: { code: 'FORBIDDEN' } });
}

function guard<S, C, A>(resolve: GraphQLFieldResolver<S, C, A>, rule: AccessRule): GraphQLFieldResolver<S, C, A> {
  return (source, args, context, info) => {
    assertAccess(context, rule);
    return resolve(source, args, context, info);
  };
}

/**
 * Returns a copy of the schema whose resolvers check the `@auth` / `@public` rules first.
 * @param schema - the output of `buildSubgraphSchema`
 * @param rules - the rules to enforce; read from the schema when left out
 */
export function applyAuthDirectives(schema: GraphQLSchema, rules: AuthRules = readAuthRules(schema)): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_TYPE]: (type) => {
      const typeRoles = rules.types.get(type.name);
      const extensions = type.extensions as SubgraphTypeExtensions;
      const resolveReference = extensions.apollo?.subgraph?.resolveReference;
      if (!typeRoles || !resolveReference) return type;
      // Checked before the fetch, so a caller who may not see the type costs no gRPC call. Async on
      // purpose: `_entities` then fails only this representation, not the whole batch.
      const guarded = async (reference: object, context: unknown, info: unknown) => {
        assertAccess(context, typeRoles);
        return resolveReference(reference, context, info);
      };
      const config = type.toConfig();
      return new GraphQLObjectType({
        ...config,
        extensions: { ...config.extensions, apollo: { ...extensions.apollo, subgraph: { ...extensions.apollo?.subgraph, resolveReference: guarded } } },
      });
    },
    [MapperKind.OBJECT_FIELD]: (fieldConfig, fieldName, typeName) => {
      const rule = rules.fields.get(`${typeName}.${fieldName}`);
      if (!rule) return fieldConfig;
      return {
        ...fieldConfig,
        resolve: guard(fieldConfig.resolve ?? defaultFieldResolver, rule),
        // Subscriptions are checked when they start, not only per event.
        ...(fieldConfig.subscribe ? { subscribe: guard(fieldConfig.subscribe, rule) } : {}),
      };
    },
  });
}
