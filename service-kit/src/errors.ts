/**
 * The services' side of the one error registry (`@hospital/grpc-contracts/errors`): the domain
 * errors a service throws, the gRPC status each travels as, and the code a client sees. The codes,
 * statuses and meanings are data in the registry. Transport-neutral (the web server loads it): the
 * gRPC status numbers and mapping are in grpc-status.ts, on the kit's /grpc entry.
 */
import { SERVICE_ERROR_CODES, type ServiceErrorCode } from '@hospital/grpc-contracts/errors';

/** The codes a service raises (`extensions.code`), from the registry. */
export const ERROR_CODES: readonly ServiceErrorCode[] = SERVICE_ERROR_CODES;
/** A code a service raises. */
export type ErrorCode = ServiceErrorCode;

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

/** Metadata key carrying the offending field of an INVALID_ARGUMENT status. */
export const FIELD_METADATA_KEY = 'x-error-field';
/** Metadata key carrying the whole seconds to wait of a RESOURCE_EXHAUSTED or UNAVAILABLE status. */
export const RETRY_AFTER_METADATA_KEY = 'x-retry-after';
