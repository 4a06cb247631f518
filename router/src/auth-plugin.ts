/**
 * Edge authorization: before the gateway plans anything, reject the whole operation when the
 * caller may not touch one of its fields. Subgraphs enforce again (defence in depth).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { GraphQLError, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import type { AuthRules } from './auth-policy.ts';
import type { RouterContext } from './context.ts';
import { collectTouchedFields, decideAccess, type AccessDecision } from './operation-access.ts';
import { refusalToReport, type RefusalReporter } from './refusal-audit.ts';

/**
 * The plugin enforcing the rule map in `didResolveOperation`.
 * @param options - the rules from the supergraph, whether introspection is allowed, and where a
 *   signed-in user's refused operations are reported for the audit trail
 */
export function authPlugin(options: {
  rules: AuthRules;
  introspection: boolean;
  refusals?: RefusalReporter;
  /** Run once access is granted (Apollo runs plugins' hooks in parallel; this keeps the order). */
  checkCost?: (args: { schema: GraphQLSchema; document: DocumentNode; operation: OperationDefinitionNode; variables: Record<string, unknown> | undefined }) => void;
}): ApolloServerPlugin<RouterContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, operationName, contextValue, request }) {
          // No operation to run (unknown operationName, or several operations and none named):
          // the gateway would throw and the client would see a 500 for its own mistake.
          if (!operation) throw operationResolutionError();
          if (operationName) contextValue.scope.operationName = operationName;
          const touched = collectTouchedFields(schema, document, operation);
          const decision = decideAccess(touched, options.rules, contextValue.caller, options.introspection);
          if (!decision.allowed) {
            const { caller, origin, requestId } = contextValue;
            const refusal = refusalToReport({ decision, caller, document, operation, variables: request.variables, origin, requestId });
            if (refusal && options.refusals) await options.refusals.report(refusal);
            throw accessError(decision);
          }
          options.checkCost?.({ schema, document, operation, variables: request.variables });
          // The gateway cannot execute subscriptions (it throws: a 500); they have their own endpoint.
          if (operation.operation === 'subscription') throw subscriptionOverHttpError();
        },
      };
    },
  };
}

/**
 * The error for a refused operation: 401 to sign in, 403 naming the fields the role may not use.
 * @param decision - a refusal from {@link decideAccess}
 */
export function accessError(decision: Extract<AccessDecision, { allowed: false }>): GraphQLError {
  if (decision.code === 'UNAUTHENTICATED') return unauthenticatedError(`Sign in to use ${decision.fields.join(', ')}.`);
  return new GraphQLError(`Your role may not use ${decision.fields.join(', ')}.`, {
    extensions: { code: 'FORBIDDEN', http: { status: 403 } },
  });
}

/** The error for a document in which no operation can be picked (HTTP 400, as Apollo Server's own). */
export function operationResolutionError(): GraphQLError {
  return new GraphQLError('Name one operation of the document in operationName.', {
    extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } },
  });
}

/** The error for a subscription sent over HTTP (HTTP 400). */
export function subscriptionOverHttpError(): GraphQLError {
  return new GraphQLError('Subscriptions run over WebSocket (graphql-transport-ws) at this same path.', {
    extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
  });
}

/**
 * An UNAUTHENTICATED error answered with HTTP 401 and a Bearer challenge.
 * @param message - safe to show to the client
 */
export function unauthenticatedError(message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: {
      code: 'UNAUTHENTICATED',
      http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer']]) },
    },
  });
}
