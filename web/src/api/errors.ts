/**
 * Turns API failures into words a nurse understands. The router's `extensions.code` picks the
 * sentence; only input and conflict messages (written by the departments for people) are shown as
 * they come, never raw JSON or internals.
 */
import type { CombinedError } from '@urql/core';
import { CLIENT_VISIBLE_CODES, type ErrorCode } from '@hospital/grpc-contracts/errors';

/** The error codes the API sends in `extensions.code` (the one registry's), plus the client's own NETWORK. */
export type ApiErrorCode = ErrorCode | 'NETWORK';

/** Anything an operation may fail with. */
export type AnyError = CombinedError | Error | string | null | undefined;

/** A failure reduced to a code, an optional field, the server's message and when to retry. */
export interface ApiFailure {
  code: ApiErrorCode;
  field?: string;
  message: string;
  /** For RATE_LIMITED and SERVICE_UNAVAILABLE: whole seconds after which a retry may succeed. */
  retryAfterSeconds?: number;
}

function isCombined(error: unknown): error is CombinedError {
  return typeof error === 'object' && error !== null && 'graphQLErrors' in error;
}

/** Classifies an error; plain strings and unknown errors count as internal ones. */
export function apiFailureOf(error: AnyError): ApiFailure | undefined {
  if (!error) return undefined;
  if (typeof error === 'string') return { code: 'INTERNAL_SERVER_ERROR', message: error };
  if (isCombined(error)) {
    if (error.networkError) return { code: 'NETWORK', message: error.networkError.message };
    const first = error.graphQLErrors[0];
    const raw = first?.extensions?.code;
    // Only codes the registry shows clients keep their meaning; anything else reads as internal.
    const code = typeof raw === 'string' && CLIENT_VISIBLE_CODES.has(raw) ? (raw as ErrorCode) : 'INTERNAL_SERVER_ERROR';
    const field = first?.extensions?.field;
    const retry = first?.extensions?.retryAfterSeconds;
    return {
      code,
      message: first?.message ?? '',
      field: typeof field === 'string' ? field : undefined,
      retryAfterSeconds: typeof retry === 'number' && retry > 0 ? retry : undefined,
    };
  }
  return { code: 'INTERNAL_SERVER_ERROR', message: error.message };
}

const OUT_OF_DATE = 'This page is out of date. Please reload it.';

/** The default sentence per code: every registry code has one (a new code fails the typecheck here). */
export const PLAIN_WORDS: Record<ApiErrorCode, string> = {
  UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
  FORBIDDEN: 'Your role is not allowed to do this.',
  BAD_USER_INPUT: 'Some of the information is not valid.',
  NOT_FOUND: 'We could not find that record. It may have been removed.',
  CONFLICT: 'This clashes with something that already exists.',
  PASSWORD_CHANGE_REQUIRED: 'Your password was reset by an administrator. Choose a new password to continue.',
  RATE_LIMITED: 'Too many requests in a short time. Please wait a moment and try again.',
  SERVICE_UNAVAILABLE: 'The hospital system is busy right now. Please try again in a moment.',
  OPERATION_TOO_COSTLY: 'This asks for too much at once. Narrow it down and try again.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Please try again in a moment.',
  NETWORK: 'We cannot reach the hospital system. Check the connection and try again.',
  // The router's safelist does not know this build's operations: the page is older or newer than the server.
  PERSISTED_QUERY_NOT_FOUND: OUT_OF_DATE,
  PERSISTED_OPERATION_REQUIRED: OUT_OF_DATE,
  PERSISTED_QUERY_NOT_SUPPORTED: OUT_OF_DATE,
  GRAPHQL_PARSE_FAILED: OUT_OF_DATE,
  GRAPHQL_VALIDATION_FAILED: OUT_OF_DATE,
  BAD_REQUEST: OUT_OF_DATE,
  OPERATION_RESOLUTION_FAILURE: OUT_OF_DATE,
};

/**
 * The sentence to show for an error.
 * @param error - what the operation failed with
 * @param overrides - clearer words for a code in this form (e.g. a wrong password at sign-in)
 */
export function plainWords(error: AnyError, overrides: Partial<Record<ApiErrorCode, string>> = {}): string | undefined {
  const failure = apiFailureOf(error);
  if (!failure) return undefined;
  const override = overrides[failure.code];
  if (override) return override;
  // Departments write these two for people (e.g. "the doctor is already booked at that time").
  if ((failure.code === 'BAD_USER_INPUT' || failure.code === 'CONFLICT') && failure.message && !failure.message.startsWith('{')) {
    return `${PLAIN_WORDS[failure.code]} ${failure.message}`;
  }
  if (failure.retryAfterSeconds !== undefined) {
    const seconds = failure.retryAfterSeconds;
    return `${PLAIN_WORDS[failure.code]} It should work again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
  }
  return PLAIN_WORDS[failure.code];
}

/** True when the error means the access token is no longer accepted. */
export function isUnauthenticated(error: AnyError): boolean {
  return apiFailureOf(error)?.code === 'UNAUTHENTICATED';
}
