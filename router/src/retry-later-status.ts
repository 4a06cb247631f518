/**
 * HTTP status for a service's "retry later": when an answer carries no data and its errors include
 * a code the error vocabulary gives an HTTP status (RATE_LIMITED → 429, SERVICE_UNAVAILABLE → 503),
 * the router answers with that status and a `Retry-After` header, so clients and proxies see
 * overload as overload and never as a 200 or a 500. The codes come from the subgraphs, which map
 * the services' RESOURCE_EXHAUSTED / UNAVAILABLE statuses (see service-kit's ERROR_TABLE).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { ERROR_CODES, ERROR_TABLE, type ErrorCode } from '@hospital/service-kit';

/** The HTTP status and Retry-After (seconds) an answer's errors call for, if any. */
export function retryLaterStatus(errors: readonly GraphQLFormattedError[]): { status: number; retryAfterSeconds?: number } | undefined {
  let status = 0;
  let retryAfterSeconds: number | undefined;
  for (const error of errors) {
    const code = error.extensions?.['code'];
    if (typeof code !== 'string' || !(ERROR_CODES as readonly string[]).includes(code)) continue;
    const http = ERROR_TABLE[code as ErrorCode].http;
    if (!http) continue;
    status = Math.max(status, http);
    const retry = error.extensions?.['retryAfterSeconds'];
    if (typeof retry === 'number' && retry > 0) retryAfterSeconds = Math.max(retryAfterSeconds ?? 0, retry);
  }
  return status ? { status, ...(retryAfterSeconds ? { retryAfterSeconds } : {}) } : undefined;
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
