/**
 * Apollo Server's side of edge admission. Every check (token, rate limits, safelist, limits,
 * access by role, variables, cost) runs in the admission pipeline (admission/) before Apollo
 * Server sees the request; this plugin only makes sure that what executes is exactly what the
 * pipeline admitted, and refuses anything else (fail closed). Subgraphs enforce again (defence in
 * depth).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type DocumentNode } from 'graphql';
import { operationNotFoundMessage } from './admission/steps/operation.ts';
import type { RouterContext } from './context.ts';

/** The plugin, checking in `didResolveOperation` that the operation is the admitted one. */
export function authPlugin(): ApolloServerPlugin<RouterContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue, request, document }) {
          // No operation to run (unknown operationName, or several operations and none named):
          // the gateway would throw and the client would see a 500 for its own mistake.
          if (!operation) throw operationResolutionError(document, request.operationName);
          const admitted = contextValue.admitted;
          if (!admitted || admitted.query !== request.query || admitted.operationName !== operation.name?.value) throw notAdmittedError();
        },
      };
    },
  };
}

/** The error for a document in which no operation can be picked (HTTP 400, as Apollo Server's own). */
function operationResolutionError(document: DocumentNode, operationName: string | undefined): GraphQLError {
  return new GraphQLError(operationNotFoundMessage(document, operationName), {
    extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } },
  });
}

/** The error for a request that reached execution without passing admission (HTTP 400). */
function notAdmittedError(): GraphQLError {
  return new GraphQLError('The request could not be read as one GraphQL operation.', {
    extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
  });
}
