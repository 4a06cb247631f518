/**
 * How errors leave the router. In production only codes a client may branch on pass through
 * (with a fixed set of extensions); anything else is masked as INTERNAL_SERVER_ERROR with the
 * request id, and logged. Stack traces never leave (Apollo Server's own switch covers dev).
 */
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { requestContextStore, type Logger } from '@hospital/service-kit';

/** Codes shown to clients as they are: ours, plus Apollo Server's request-shape errors. */
export const CLIENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_OPERATION_REQUIRED',
  'OPERATION_TOO_COSTLY',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
]);

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
        ...(formatted.locations ? { locations: formatted.locations } : {}),
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: {
          code,
          ...(typeof field === 'string' ? { field } : {}),
          ...(typeof retryAfterSeconds === 'number' ? { retryAfterSeconds } : {}),
        },
      };
    }
    const requestId = requestContextStore.getStore()?.requestId;
    options.logger.error({ err: unwrapResolverError(error), code, path: formatted.path }, 'unexpected error');
    if (!options.production) return { ...formatted, extensions: { ...formatted.extensions, requestId } };
    return {
      message: MASKED_MESSAGE,
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
    };
  };
}
