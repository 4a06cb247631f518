/**
 * How errors leave the router. In production only codes a client may branch on pass through
 * (with a fixed set of extensions); anything else is masked as INTERNAL_SERVER_ERROR with the
 * request id, and logged. Stack traces never leave (Apollo Server's own switch covers dev).
 */
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { CLIENT_VISIBLE_CODES, DEFAULT_RETRY_AFTER_SECONDS } from '@hospital/grpc-contracts/errors';
import { requestContextStore, type Logger } from '@hospital/service-kit';
import { isSubgraphUnavailable } from './subgraph-unavailable.ts';

/** Codes shown to clients as they are: the registry's client-visible codes. */
export const CLIENT_ERROR_CODES: ReadonlySet<string> = CLIENT_VISIBLE_CODES;

/**
 * A message without graphql-js's "Did you mean …?" hint. With introspection off, the hints would
 * still reveal field, type and enum value names to anyone guessing near them, so production
 * strips them (Apollo Server 5 keeps them unless told otherwise, whatever `introspection` says).
 * @param message - a validation or input-coercion message
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean .+\?$/s, '');
}

/** The message every masked error carries. */
export const MASKED_MESSAGE = 'Internal server error';

/** The message of a subgraph that could not answer (refused, reset, hung up, timed out, 502–504). */
export const UNAVAILABLE_MESSAGE = 'A department is not answering right now; try again shortly.';

/**
 * Builds Apollo Server's `formatError`.
 * @param options - production masks unknown errors; the logger records what was masked
 */
export function createFormatError(options: { production: boolean; logger: Logger }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.['code'];
    if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) {
      if (!options.production) return formatted;
      const field = formatted.extensions?.['field'];
      // A refused client needs to know when to retry (the Retry-After header says it too).
      const retryAfterSeconds = formatted.extensions?.['retryAfterSeconds'];
      return {
        message: withoutSuggestions(formatted.message),
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code,
          field: typeof field === 'string' ? field : undefined,
          retryAfterSeconds: typeof retryAfterSeconds === 'number' ? retryAfterSeconds : undefined,
        },
      };
    }
    const requestId = requestContextStore.getStore()?.requestId;
    if (isSubgraphUnavailable(formatted, error)) {
      // Overload or a restart, not a bug: a typed, retryable 503 (retry-later-status.ts sets the status).
      options.logger.warn({ err: unwrapResolverError(error), path: formatted.path, requestId }, 'subgraph unavailable');
      return {
        message: UNAVAILABLE_MESSAGE,
        path: formatted.path,
        extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS },
      };
    }
    options.logger.error({ err: unwrapResolverError(error), code, path: formatted.path }, 'unexpected error');
    if (!options.production) return { ...formatted, extensions: { ...formatted.extensions, requestId } };
    return {
      message: MASKED_MESSAGE,
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    };
  };
}
