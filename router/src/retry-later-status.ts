/**
 * HTTP status for a "retry later": when an answer carries no data and its errors include a code
 * the error registry marks retryable (RATE_LIMITED → 429, SERVICE_UNAVAILABLE → 503), the router
 * answers with that code's status and a `Retry-After` header, so clients and proxies see overload
 * as overload and never as a 200 or a 500. The codes come from the subgraphs, which map the
 * services' RESOURCE_EXHAUSTED / UNAVAILABLE / DEADLINE_EXCEEDED statuses, and from the router's
 * own formatter (a subgraph that could not be reached).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { DEFAULT_RETRY_AFTER_SECONDS, ERROR_REGISTRY, isErrorCode } from '@hospital/grpc-contracts/errors';

/**
 * The HTTP status and Retry-After (seconds) an answer's errors call for, if any.
 * @param errors - the answer's formatted errors
 */
export function retryLaterStatus(errors: readonly GraphQLFormattedError[]): { status: number; retryAfterSeconds?: number } | undefined {
  let status = 0;
  let retryAfterSeconds: number | undefined;
  for (const error of errors) {
    const code = error.extensions?.['code'];
    if (!isErrorCode(code)) continue;
    const definition: { http: number | null; retryable: boolean } = ERROR_REGISTRY[code];
    if (!definition.retryable || definition.http === null) continue;
    const http = definition.http;
    status = Math.max(status, http);
    const retry = error.extensions?.['retryAfterSeconds'];
    if (typeof retry === 'number' && retry > 0) retryAfterSeconds = Math.max(retryAfterSeconds ?? 0, retry);
  }
  // A retryable answer always says when: a code raised without a delay gets the registry's default.
  return status ? { status, retryAfterSeconds: retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS } : undefined;
}

/** True when no root field of the answer holds a value (the whole operation was refused). */
function hasNoData(data: Record<string, unknown> | null | undefined): boolean {
  return !data || Object.values(data).every((value) => value === null || value === undefined);
}

/** The Apollo Server plugin applying {@link retryLaterStatus} to single (non-incremental) answers. */
export function retryLaterStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { data, errors } = response.body.singleResult;
          if (!errors?.length || !hasNoData(data)) return;
          const verdict = retryLaterStatus(errors);
          if (!verdict) return;
          response.http.status = verdict.status;
          if (verdict.retryAfterSeconds) response.http.headers.set('retry-after', String(verdict.retryAfterSeconds));
        },
      };
    },
  };
}
