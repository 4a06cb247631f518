/**
 * gRPC status → GraphQL error, and the last line of defence before a response leaves: errors
 * clients may branch on keep their code; anything else is masked and logged with the request id.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { CLIENT_VISIBLE_CODES, DEFAULT_RETRY_AFTER_SECONDS } from '@hospital/grpc-contracts/errors';
import { FIELD_METADATA_KEY, requestContextStore, RETRY_AFTER_METADATA_KEY, type Logger } from '@hospital/service-kit';
import { graphqlCodeFromGrpc } from '@hospital/service-kit/grpc';

/** The fields of a grpc-js `ServiceError` we rely on (checked structurally). */
interface GrpcErrorLike {
  code: number;
  details?: string;
  metadata?: { get(key: string): unknown[] };
}

function isGrpcError(error: unknown): error is GrpcErrorLike {
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'number' && 'details' in error;
}

/** Message of every masked error. */
export const INTERNAL_MESSAGE = 'Internal server error.';

/** Message of a service that is busy, down or past its deadline (its own details are not shown). */
export const UNAVAILABLE_MESSAGE = 'A department is busy right now; try again shortly.';

/**
 * Turns what a gRPC call rejected with into the GraphQL error a client sees, by the error
 * registry's rule. UNAVAILABLE, DEADLINE_EXCEEDED and RESOURCE_EXHAUSTED raised by the transport
 * (no retry delay) become SERVICE_UNAVAILABLE with the default delay and keep the original as
 * `originalError` (the formatter logs it); statuses outside the registry (INTERNAL, UNKNOWN…)
 * become INTERNAL_SERVER_ERROR, masked and logged.
 * @param error - the rejection of a promise client call
 */
export function toGraphQLError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (!isGrpcError(error)) {
    return new GraphQLError(INTERNAL_MESSAGE, { extensions: { code: 'INTERNAL_SERVER_ERROR' }, originalError: error instanceof Error ? error : undefined });
  }
  const retryAfter = Number(error.metadata?.get(RETRY_AFTER_METADATA_KEY)[0]);
  const retryAfterSeconds = Number.isInteger(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  const code = graphqlCodeFromGrpc(error.code, retryAfterSeconds);
  if (code === 'INTERNAL_SERVER_ERROR') {
    return new GraphQLError(INTERNAL_MESSAGE, { extensions: { code }, originalError: error as unknown as Error });
  }
  if (code === 'SERVICE_UNAVAILABLE' && !retryAfterSeconds) {
    // The transport's status (a deadline, a connection refused): its details are internal.
    return new GraphQLError(UNAVAILABLE_MESSAGE, {
      extensions: { code, retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS },
      originalError: error as unknown as Error,
    });
  }
  const field = error.metadata?.get(FIELD_METADATA_KEY)[0];
  // Services only put user-safe text in `details` (DomainError messages).
  return new GraphQLError(error.details || code, {
    // Undefined members are left out of the JSON response, as absent ones.
    extensions: { code, field: typeof field === 'string' ? field : undefined, retryAfterSeconds },
  });
}

/**
 * Awaits a gRPC call and rethrows its failure as a GraphQL error, so resolvers stay one-liners:
 * `callGrpc(client.getPatients({ ids }, { metadata: ctx.grpcMetadata() }))`.
 * @param call - the pending promise-client call
 */
export async function callGrpc<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (error) {
    throw toGraphQLError(error);
  }
}

/** Codes that carry nothing internal and that clients branch on (the registry's); everything else is masked. */
const CLIENT_CODES = CLIENT_VISIBLE_CODES;

/**
 * Builds Apollo Server's `formatError`: client errors pass; the rest is logged with the request
 * id and, in production, replaced by a generic INTERNAL_SERVER_ERROR carrying `requestId`.
 * @param options - production flag and logger
 */
export function createErrorFormatter(options: { production: boolean; logger: Logger }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.['code'];
    const cause = error instanceof GraphQLError && error.originalError ? error.originalError : error;
    if (typeof code === 'string' && CLIENT_CODES.has(code)) {
      // A service busy, down or past its deadline is answered 503, but still worth a log line.
      if (code === 'SERVICE_UNAVAILABLE' && cause !== error) options.logger.warn({ err: cause, path: formatted.path }, 'service unavailable');
      return formatted;
    }
    const requestId = requestContextStore.getStore()?.requestId;
    options.logger.error({ err: cause, path: formatted.path }, 'unexpected error in resolver');
    if (!options.production) return { ...formatted, extensions: { ...formatted.extensions, requestId } };
    return {
      message: INTERNAL_MESSAGE,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    };
  };
}
