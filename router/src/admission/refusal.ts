/**
 * The one vocabulary of edge refusals: every step of the admission pipeline refuses with an
 * {@link AdmissionRefusal}, and each transport turns it into its own answer (an HTTP status with
 * a GraphQL-shaped body, or graphql-ws errors / a close code) from here alone.
 */
import { GraphQLError } from 'graphql';
import { ALL_ERROR_CODES, ERROR_REGISTRY, type EdgeErrorCode } from '@hospital/grpc-contracts/errors';
import type { RateLimitVerdict } from '../rate-limit/rate-limiter.ts';
import { rateLimitMessage } from '../rate-limit/rate-limiter.ts';

/** Names of the pipeline's steps, in order; a refusal names the one that refused. */
export type StepName =
  | 'address-rate-limit'
  | 'identity'
  | 'connection'
  | 'user-rate-limit'
  | 'load-shed'
  | 'safelist'
  | 'anonymous-gate'
  | 'parse'
  | 'document-budget'
  | 'validate'
  | 'operation'
  | 'access'
  | 'variables'
  | 'cost';

/** Codes a refusal can carry (GraphQL `extensions.code`): the registry's codes with an HTTP status. */
export type RefusalCode = EdgeErrorCode;

/** Why a request was not admitted, transport-neutral. */
export interface AdmissionRefusal {
  step: StepName;
  code: RefusalCode;
  /** The errors to answer with (at least one), each safe to show. */
  errors: readonly GraphQLError[];
  /** Seconds after which a retry may succeed (429 and 503). */
  retryAfterSeconds?: number;
  /** Refused fields (schema coordinates), for the audit trail. */
  fields?: readonly string[];
}

/** The HTTP status of each refusal code, from the registry (every code is also one formatError lets through). */
export const REFUSAL_HTTP_STATUS: Readonly<Record<RefusalCode, number>> = Object.fromEntries(
  ALL_ERROR_CODES.flatMap((code) => {
    const http: number | null = ERROR_REGISTRY[code].http;
    return http === null ? [] : [[code, http]];
  }),
) as Record<RefusalCode, number>;

/**
 * The WebSocket close code of a refusal that ends a connection (its handshake is answered with
 * {@link httpStatusOf} instead): 4401/4403/4429 mirror 401/403/429; 1013 is "Try Again Later".
 */
const REFUSAL_WS_CLOSE: Readonly<Partial<Record<RefusalCode, number>>> = {
  RATE_LIMITED: 4429,
  SERVICE_UNAVAILABLE: 1013,
  UNAUTHENTICATED: 4401,
  FORBIDDEN: 4403,
};

/**
 * The close code of a refusal at WebSocket connection time (4400 Bad Request for any other code).
 * @param refusal - any refusal
 */
export function wsCloseOf(refusal: AdmissionRefusal): number {
  return REFUSAL_WS_CLOSE[refusal.code] ?? 4400;
}

/**
 * The HTTP status of a refusal.
 * @param refusal - any refusal
 */
export function httpStatusOf(refusal: AdmissionRefusal): number {
  return REFUSAL_HTTP_STATUS[refusal.code];
}

/**
 * The HTTP headers of a refusal: `Retry-After` for 429/503, a Bearer challenge for 401.
 * @param refusal - any refusal
 */
export function httpHeadersOf(refusal: AdmissionRefusal): Record<string, string> {
  if (refusal.code === 'UNAUTHENTICATED') return { 'www-authenticate': 'Bearer' };
  if (refusal.retryAfterSeconds !== undefined) return { 'retry-after': String(refusal.retryAfterSeconds) };
  return {};
}

/**
 * A refusal with one error.
 * @param step - the refusing step
 * @param code - its code
 * @param message - safe to show
 * @param extra - retry time, refused fields, extra extensions
 */
export function refuse(
  step: StepName,
  code: RefusalCode,
  message: string,
  extra: { retryAfterSeconds?: number; fields?: readonly string[]; extensions?: Record<string, unknown> } = {},
): AdmissionRefusal {
  const extensions = {
    code,
    retryAfterSeconds: extra.retryAfterSeconds,
    ...extra.extensions,
  };
  return {
    step,
    code,
    errors: [new GraphQLError(message, { extensions })],
    retryAfterSeconds: extra.retryAfterSeconds,
    fields: extra.fields,
  };
}

/**
 * A rate-limit refusal.
 * @param step - which limit
 * @param verdict - the limiter's refusal
 */
export function rateLimited(step: StepName, verdict: Extract<RateLimitVerdict, { allowed: false }>): AdmissionRefusal {
  return refuse(step, 'RATE_LIMITED', rateLimitMessage(verdict), { retryAfterSeconds: verdict.retryAfterSeconds });
}

/** The answer to signed-in users while the router cannot yet check revocations (503). */
export function startingUp(): AdmissionRefusal {
  return refuse('identity', 'SERVICE_UNAVAILABLE', 'The service is starting; try again in a few seconds.', { retryAfterSeconds: 5 });
}

/**
 * The refusal to sign in first.
 * @param step - the refusing step
 * @param message - safe to show
 * @param fields - the fields that need a signed-in caller, when known
 */
export function signInFirst(step: StepName, message: string, fields?: readonly string[]): AdmissionRefusal {
  return refuse(step, 'UNAUTHENTICATED', message, fields ? { fields } : {});
}
