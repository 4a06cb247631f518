/**
 * The gRPC side of the error registry (the kit's /grpc entry, so the neutral errors.ts does not
 * load grpc-js): each code's status as grpc-js's number, a received status back to the client's
 * code, and which failures are overload rather than bugs.
 */
import { status as GrpcStatus } from '@grpc/grpc-js';
import { codeOfGrpcStatus, ERROR_REGISTRY, grpcStatusOf, SERVICE_ERROR_CODES } from '@hospital/grpc-contracts/errors';
import type { ErrorCode } from './errors.ts';

/**
 * Each service code's gRPC status (as grpc-js's number), its meaning, and for the retryable codes
 * the HTTP status the router answers with when the error leaves no data (absent: 200); derived
 * from the registry.
 */
export const ERROR_TABLE: Record<ErrorCode, { grpc: GrpcStatus; http?: number; meaning: string }> = Object.fromEntries(
  SERVICE_ERROR_CODES.map((code) => {
    const definition: { http: number | null; retryable: boolean; description: string } = ERROR_REGISTRY[code];
    const http = definition.retryable && definition.http !== null ? { http: definition.http } : {};
    return [code, { grpc: GrpcStatus[grpcStatusOf(code)], ...http, meaning: definition.description }];
  }),
) as Record<ErrorCode, { grpc: GrpcStatus; http?: number; meaning: string }>;

/**
 * Maps a gRPC status code to the GraphQL error code a client sees (the registry's rule, see
 * `codeOfGrpcStatus`): RESOURCE_EXHAUSTED with a retry delay is RATE_LIMITED; UNAVAILABLE,
 * DEADLINE_EXCEEDED and RESOURCE_EXHAUSTED without one are SERVICE_UNAVAILABLE (overload, never a
 * masked 500); statuses outside the registry are INTERNAL_SERVER_ERROR.
 * @param code - gRPC status received from a service
 * @param retryAfterSeconds - the status's `RETRY_AFTER_METADATA_KEY`, when it had one
 */
export function graphqlCodeFromGrpc(code: GrpcStatus | number | undefined, retryAfterSeconds?: number): ErrorCode {
  const name = code === undefined ? undefined : (GrpcStatus as unknown as Record<number, string>)[code];
  return codeOfGrpcStatus(name, Boolean(retryAfterSeconds));
}

/**
 * Prisma error codes of a database that cannot take more now: a transaction not started or expired
 * in time (P2028), no pooled connection (P2024), the server unreachable or timing out (P1001, P1002,
 * P1008, P1017), a transaction aborted by a write conflict or deadlock (P2034).
 */
const OVERLOAD_PRISMA_CODES = new Set(['P2028', 'P2024', 'P1001', 'P1002', 'P1008', 'P1017', 'P2034']);
/**
 * SQLSTATEs of the same: too many connections, limits, statement or lock timeout, not accepting
 * connections; and a statement aborted under contention that succeeds when run again (deadlock
 * victim 40P01, serialization failure 40001), once a handler's own retry or translation gave up.
 */
const OVERLOAD_SQLSTATES = new Set(['53300', '53400', '57014', '55P03', '57P03', '40P01', '40001']);
/** The driver's own words for a pool or connection that gave up (pg: no code). */
const OVERLOAD_MESSAGES = /timeout exceeded when trying to connect|Connection terminated|Timed out fetching a new connection/i;

/**
 * True when a handler failed because something it depends on is overloaded or away, not because
 * of a bug: the database pool or server (Prisma/pg timeouts, SQLSTATE 53300, 57014, a deadlock 40P01, …) or another
 * department's service (a gRPC DEADLINE_EXCEEDED or UNAVAILABLE). The unary wrapper answers those
 * UNAVAILABLE with a retry delay (a 503 for clients) instead of a masked INTERNAL.
 * @param error - what a handler threw
 */
export function isOverloadFailure(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    const candidate = current as { code?: unknown; details?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { code?: unknown } } } };
    if (typeof candidate.code === 'string' && (OVERLOAD_PRISMA_CODES.has(candidate.code) || OVERLOAD_SQLSTATES.has(candidate.code))) return true;
    const sqlState = candidate.meta?.driverAdapterError?.cause?.code;
    if (typeof sqlState === 'string' && OVERLOAD_SQLSTATES.has(sqlState)) return true;
    // A grpc-js ServiceError from another department's service.
    if ((candidate.code === GrpcStatus.DEADLINE_EXCEEDED || candidate.code === GrpcStatus.UNAVAILABLE) && 'details' in candidate) return true;
    if (typeof candidate.message === 'string' && OVERLOAD_MESSAGES.test(candidate.message)) return true;
    current = candidate.cause;
  }
  return false;
}
