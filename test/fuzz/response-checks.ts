/**
 * What every answer to hostile input must look like. GraphQL: a documented HTTP status, a JSON
 * body, and every error carrying a code from the project's vocabulary and a message that leaks
 * nothing internal. gRPC: OK or a status from the domain vocabulary, never INTERNAL or UNKNOWN.
 */
import { status as GrpcStatus } from '@grpc/grpc-js';
import { ERROR_CODES } from '@hospital/service-kit';
import { CLIENT_ERROR_CODES } from '@hospital/router';

/**
 * HTTP statuses the router answers with: ok / malformed / token refused / role refused / mutation
 * over GET / too large / rate limited.
 */
export const ALLOWED_HTTP_STATUSES: ReadonlySet<number> = new Set([200, 400, 401, 403, 405, 413, 429]);

/**
 * GraphQL codes a hostile request may get: the router's client codes (ours plus Apollo Server's
 * request-shape codes). INTERNAL_SERVER_ERROR is not among them: bad input is never a server fault.
 */
export const ALLOWED_GRAPHQL_CODES: ReadonlySet<string> = new Set([...CLIENT_ERROR_CODES, ...ERROR_CODES.filter((c) => c !== 'INTERNAL_SERVER_ERROR')]);

/** gRPC statuses a hostile request may get: the domain vocabulary, plus the typed limits. */
export const ALLOWED_GRPC_STATUSES: ReadonlySet<number> = new Set([
  GrpcStatus.OK,
  GrpcStatus.INVALID_ARGUMENT,
  GrpcStatus.OUT_OF_RANGE,
  GrpcStatus.NOT_FOUND,
  GrpcStatus.ALREADY_EXISTS,
  GrpcStatus.ABORTED,
  GrpcStatus.FAILED_PRECONDITION,
  GrpcStatus.PERMISSION_DENIED,
  GrpcStatus.UNAUTHENTICATED,
  GrpcStatus.RESOURCE_EXHAUSTED,
]);

/**
 * Signs of internals in a message: stack frames, source paths, ORM / driver / SQL wording, gRPC
 * plumbing. The hostile inputs never contain these words, so an echo of the input cannot trip them.
 */
const LEAK_PATTERNS: readonly RegExp[] = [
  /\bprisma/i,
  /\bgrpc/i,
  /\n\s+at\s/,
  /node_modules/,
  /\/(src|work|home|usr|tmp)\//,
  /\.(ts|js|mjs|cjs):\d+/,
  /invalid input syntax for/i,
  /violates .* constraint/i,
  /duplicate key value/i,
  /relation ".*" does not exist/i,
  /\bECONN(REFUSED|RESET)\b/,
  /\bP\d{4}\b/,
  /\b(UNAVAILABLE|DEADLINE_EXCEEDED)\b/,
  /TypeError|ReferenceError|RangeError|SyntaxError: Unexpected token/,
  /Cannot read propert/i,
  /undefined is not/i,
];

/**
 * The patterns a message matches that suggest leaked internals.
 * @param message - an error message or gRPC details
 */
export function leaksInternals(message: string): string[] {
  return LEAK_PATTERNS.filter((p) => p.test(message)).map(String);
}

/** A GraphQL error as it appears in a response body. */
interface WireError {
  message?: unknown;
  extensions?: { code?: unknown } & Record<string, unknown>;
}

/**
 * Problems with one router answer (empty when it is acceptable).
 * @param status - HTTP status
 * @param bodyText - raw response body
 */
export function graphqlAnswerProblems(status: number, bodyText: string): string[] {
  const problems: string[] = [];
  if (!ALLOWED_HTTP_STATUSES.has(status)) problems.push(`HTTP ${status}`);
  let body: { data?: unknown; errors?: WireError[] };
  try {
    body = JSON.parse(bodyText) as typeof body;
  } catch {
    return [...problems, `body is not JSON: ${bodyText.slice(0, 200)}`];
  }
  if (typeof body !== 'object' || body === null) return [...problems, 'body is not an object'];
  if (!('data' in body) && !Array.isArray(body.errors)) problems.push('neither data nor errors');
  for (const error of body.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== 'string' || !ALLOWED_GRAPHQL_CODES.has(code)) problems.push(`code ${String(code)}: ${String(error.message).slice(0, 200)}`);
    if (typeof error.message !== 'string') problems.push('error without a message');
    else for (const leak of leaksInternals(error.message)) problems.push(`message leaks ${leak}: ${error.message.slice(0, 300)}`);
    const extra = Object.keys(error.extensions ?? {}).filter((k) => !['code', 'field', 'requestId', 'retryAfterSeconds'].includes(k));
    if (extra.length > 0) problems.push(`unexpected extensions ${extra.join(', ')}`);
  }
  if (status !== 200 && !(body.errors?.length ?? 0)) problems.push(`HTTP ${status} without errors`);
  return problems;
}

/**
 * Problems with one gRPC outcome (empty when it is acceptable).
 * @param code - status code (OK for a response)
 * @param details - status details
 */
export function grpcOutcomeProblems(code: number, details: string): string[] {
  const problems: string[] = [];
  if (!ALLOWED_GRPC_STATUSES.has(code)) problems.push(`status ${GrpcStatus[code] ?? code}: ${details.slice(0, 300)}`);
  if (code !== GrpcStatus.OK) for (const leak of leaksInternals(details)) problems.push(`details leak ${leak}: ${details.slice(0, 300)}`);
  return problems;
}
