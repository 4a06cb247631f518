/**
 * One error vocabulary for the whole system, defined once as data: the domain error a service
 * throws, the gRPC status it travels as, and the GraphQL `extensions.code` a client sees.
 */
import { status as GrpcStatus } from '@grpc/grpc-js';

/** GraphQL error codes a client may branch on (`extensions.code`). */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
] as const;
/** A GraphQL error code. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The vocabulary as data: GraphQL code → the gRPC status a service sends for it, the HTTP status
 * the router answers with when the error leaves no data (200 when absent), and what it means.
 */
export const ERROR_TABLE: Record<ErrorCode, { grpc: GrpcStatus; http?: number; meaning: string }> = {
  UNAUTHENTICATED: { grpc: GrpcStatus.UNAUTHENTICATED, meaning: 'No valid identity: missing, expired or forged token.' },
  FORBIDDEN: { grpc: GrpcStatus.PERMISSION_DENIED, meaning: 'Signed in, but the role may not do this.' },
  BAD_USER_INPUT: { grpc: GrpcStatus.INVALID_ARGUMENT, meaning: 'The request is malformed or breaks a rule (field named in `extensions.field`).' },
  NOT_FOUND: { grpc: GrpcStatus.NOT_FOUND, meaning: 'No such record.' },
  CONFLICT: { grpc: GrpcStatus.ALREADY_EXISTS, meaning: 'Clashes with the current state (taken, duplicate, raced).' },
  RATE_LIMITED: { grpc: GrpcStatus.RESOURCE_EXHAUSTED, http: 429, meaning: 'Too many attempts; retry after `extensions.retryAfterSeconds`.' },
  SERVICE_UNAVAILABLE: { grpc: GrpcStatus.UNAVAILABLE, http: 503, meaning: 'Busy or starting; retry after `extensions.retryAfterSeconds`.' },
  INTERNAL_SERVER_ERROR: { grpc: GrpcStatus.INTERNAL, meaning: 'Anything else; masked, logged with the request id.' },
};

/** A typed domain error; services throw these and one wrapper turns them into a gRPC status. */
export class DomainError extends Error {
  /**
   * @param code - the GraphQL code this error maps to
   * @param message - a message safe to show to the user (no internals, no patient data)
   * @param field - the input field at fault, for BAD_USER_INPUT
   */
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/**
 * An object-level refusal (another doctor's appointment, another ward's bed): the client gets the
 * NOT_FOUND an unknown id gets, so nothing confirms the record exists; the audit trail records it
 * as a denied access.
 */
export class ObjectAccessDenied extends DomainError {
  /** @param message - the NOT_FOUND message an unknown id would get */
  constructor(message: string) {
    super('NOT_FOUND', message);
    this.name = 'ObjectAccessDenied';
  }
}

/**
 * A refusal that says when to come back: RATE_LIMITED (too many attempts) or SERVICE_UNAVAILABLE
 * (busy). The delay travels as gRPC metadata ({@link RETRY_AFTER_METADATA_KEY}) and reaches the
 * client as `extensions.retryAfterSeconds` and a `Retry-After` header.
 */
export class RetryLaterError extends DomainError {
  /**
   * @param code - RATE_LIMITED or SERVICE_UNAVAILABLE
   * @param message - safe to show; never says whether an account exists
   * @param retryAfterSeconds - whole seconds to wait (at least 1)
   */
  constructor(
    code: 'RATE_LIMITED' | 'SERVICE_UNAVAILABLE',
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
    this.name = 'RetryLaterError';
  }
}

/** Shorthands for the common domain errors. */
export const invalidInput = (message: string, field?: string) => new DomainError('BAD_USER_INPUT', message, field);
export const notFound = (message: string) => new DomainError('NOT_FOUND', message);
export const conflict = (message: string) => new DomainError('CONFLICT', message);
export const forbidden = (message = 'Your role may not do this.') => new DomainError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in first.') => new DomainError('UNAUTHENTICATED', message);
export const rateLimited = (message: string, retryAfterSeconds: number) => new RetryLaterError('RATE_LIMITED', message, Math.max(1, Math.ceil(retryAfterSeconds)));
export const serviceBusy = (message: string, retryAfterSeconds: number) => new RetryLaterError('SERVICE_UNAVAILABLE', message, Math.max(1, Math.ceil(retryAfterSeconds)));

/**
 * Maps a gRPC status code to the GraphQL error code a client sees.
 * @param code - gRPC status received from a service
 * @param retryAfterSeconds - the status's {@link RETRY_AFTER_METADATA_KEY}, when it had one
 */
export function graphqlCodeFromGrpc(code: GrpcStatus | number | undefined, retryAfterSeconds?: number): ErrorCode {
  switch (code) {
    case GrpcStatus.UNAUTHENTICATED:
      return 'UNAUTHENTICATED';
    case GrpcStatus.PERMISSION_DENIED:
      return 'FORBIDDEN';
    case GrpcStatus.INVALID_ARGUMENT:
    case GrpcStatus.OUT_OF_RANGE:
      return 'BAD_USER_INPUT';
    case GrpcStatus.NOT_FOUND:
      return 'NOT_FOUND';
    case GrpcStatus.ALREADY_EXISTS:
    case GrpcStatus.ABORTED:
    case GrpcStatus.FAILED_PRECONDITION:
      return 'CONFLICT';
    // Only a service's own refusal carries a retry delay; the same statuses raised by the transport
    // (a service down, a message too large) are faults, masked like any other.
    case GrpcStatus.RESOURCE_EXHAUSTED:
      return retryAfterSeconds ? 'RATE_LIMITED' : 'INTERNAL_SERVER_ERROR';
    case GrpcStatus.UNAVAILABLE:
      return retryAfterSeconds ? 'SERVICE_UNAVAILABLE' : 'INTERNAL_SERVER_ERROR';
    default:
      return 'INTERNAL_SERVER_ERROR';
  }
}

/** Metadata key carrying the offending field of an INVALID_ARGUMENT status. */
export const FIELD_METADATA_KEY = 'x-error-field';
/** Metadata key carrying the whole seconds to wait of a RESOURCE_EXHAUSTED or UNAVAILABLE status. */
export const RETRY_AFTER_METADATA_KEY = 'x-retry-after';
