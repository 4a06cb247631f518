/**
 * Turns API failures into words a nurse understands. The router's `extensions.code` picks the
 * sentence; only input and conflict messages (written by the departments for people) are shown as
 * they come, never raw JSON or internals.
 */
import type { CombinedError } from '@urql/core';

/** The error codes the API sends in `extensions.code`. */
export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK'
  // The router's safelist does not know this build's operations: the page is older or newer than the server.
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PERSISTED_OPERATION_REQUIRED';

/** Anything an operation may fail with. */
export type AnyError = CombinedError | Error | string | null | undefined;

/** A failure reduced to a code, an optional field and the server's message. */
export interface ApiFailure {
  code: ApiErrorCode;
  field?: string;
  message: string;
}

const KNOWN = new Set<ApiErrorCode>([
  'NETWORK',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INTERNAL_SERVER_ERROR',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_OPERATION_REQUIRED',
]);

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
    const code = typeof raw === 'string' && KNOWN.has(raw as ApiErrorCode) ? (raw as ApiErrorCode) : 'INTERNAL_SERVER_ERROR';
    const field = first?.extensions?.field;
    return { code, message: first?.message ?? '', ...(typeof field === 'string' ? { field } : {}) };
  }
  return { code: 'INTERNAL_SERVER_ERROR', message: error.message };
}

/** The default sentence per code. */
export const PLAIN_WORDS: Record<ApiErrorCode, string> = {
  UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
  FORBIDDEN: 'Your role is not allowed to do this.',
  BAD_USER_INPUT: 'Some of the information is not valid.',
  NOT_FOUND: 'We could not find that record. It may have been removed.',
  CONFLICT: 'This clashes with something that already exists.',
  INTERNAL_SERVER_ERROR: 'Something went wrong on our side. Please try again in a moment.',
  NETWORK: 'We cannot reach the hospital system. Check the connection and try again.',
  PERSISTED_QUERY_NOT_FOUND: 'This page is out of date. Please reload it.',
  PERSISTED_OPERATION_REQUIRED: 'This page is out of date. Please reload it.',
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
  return PLAIN_WORDS[failure.code];
}

/** True when the error means the access token is no longer accepted. */
export function isUnauthenticated(error: AnyError): boolean {
  return apiFailureOf(error)?.code === 'UNAUTHENTICATED';
}
