/**
 * Recognises a subgraph that could not answer: the router's fetch was refused, reset, hung up or
 * timed out (whatever the fetcher: make-fetch-happen, node-fetch or undici name it differently),
 * or the subgraph answered 502/503/504 (starting, or a proxy in front of it gave up). Such a
 * failure is overload or a restart, not a bug: the client gets SERVICE_UNAVAILABLE (503 with
 * `Retry-After`), never a masked 500.
 */
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** Socket and fetch error codes that mean "the subgraph did not answer", not "it answered wrongly". */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

/** Subgraph HTTP answers that mean "not now" (Apollo's data source reports them as `extensions.response.status`). */
const UNAVAILABLE_STATUSES = new Set([502, 503, 504]);

/** How deep the `originalError` / `cause` chain is followed. */
const MAX_DEPTH = 6;

/**
 * True when an error (or anything it wraps) is a failed or timed-out connection to a subgraph.
 * @param error - what execution failed with (a GraphQLError wrapping the fetch error, or the error itself)
 */
export function isUnreachable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < MAX_DEPTH && typeof current === 'object' && current !== null; depth += 1) {
    const candidate = current as { code?: unknown; errno?: unknown; name?: unknown; type?: unknown; message?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && UNREACHABLE_CODES.has(candidate.code)) return true;
    if (typeof candidate.errno === 'string' && UNREACHABLE_CODES.has(candidate.errno)) return true;
    if (candidate.name === 'AbortError' || candidate.name === 'TimeoutError' || candidate.type === 'request-timeout') return true;
    if (typeof candidate.message === 'string' && /socket hang up/i.test(candidate.message)) return true;
    current = current instanceof GraphQLError && current.originalError ? current.originalError : candidate.cause;
  }
  return false;
}

/**
 * True when a formatted error reports a subgraph that could not answer now.
 * @param formatted - the error as Apollo Server formatted it
 * @param error - the original error
 */
export function isSubgraphUnavailable(formatted: GraphQLFormattedError, error: unknown): boolean {
  const response = formatted.extensions?.['response'] as { status?: unknown } | undefined;
  if (typeof response?.status === 'number' && UNAVAILABLE_STATUSES.has(response.status)) return true;
  return isUnreachable(error);
}
