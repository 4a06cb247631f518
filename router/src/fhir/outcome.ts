/**
 * FHIR errors: every failure of the facade leaves as an `OperationOutcome` with the HTTP status
 * the spec expects. GraphQL and admission codes map onto FHIR issue types from one table.
 */
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { ERROR_REGISTRY, isErrorCode, type ErrorCode } from '@hospital/grpc-contracts/errors';

/** The FHIR issue type (value set `issue-type`) of our error codes; any other is `exception`. */
const ISSUE_TYPE_OF: Readonly<Partial<Record<ErrorCode, OperationOutcomeIssue['code']>>> = {
  UNAUTHENTICATED: 'login',
  FORBIDDEN: 'forbidden',
  BAD_USER_INPUT: 'invalid',
  NOT_FOUND: 'not-found',
  CONFLICT: 'conflict',
  RATE_LIMITED: 'throttled',
  SERVICE_UNAVAILABLE: 'transient',
  OPERATION_TOO_COSTLY: 'too-costly',
  PERSISTED_OPERATION_REQUIRED: 'security',
  PERSISTED_QUERY_NOT_FOUND: 'not-supported',
  PERSISTED_QUERY_NOT_SUPPORTED: 'not-supported',
  GRAPHQL_PARSE_FAILED: 'exception',
  GRAPHQL_VALIDATION_FAILED: 'exception',
  BAD_REQUEST: 'invalid',
  OPERATION_RESOLUTION_FAILURE: 'exception',
  INTERNAL_SERVER_ERROR: 'exception',
};

/** HTTP status of the codes the registry leaves to the transport (they answer 200 in GraphQL). */
const FHIR_STATUS_OF: Readonly<Partial<Record<ErrorCode, number>>> = { NOT_FOUND: 404, CONFLICT: 409, INTERNAL_SERVER_ERROR: 500 };

/** A failure to answer with an OperationOutcome. */
export class FhirError extends Error {
  /**
   * @param status - the HTTP status
   * @param issueCode - the FHIR issue type
   * @param message - safe to show (diagnostics)
   * @param headers - extra response headers (Retry-After, WWW-Authenticate)
   */
  constructor(
    readonly status: number,
    readonly issueCode: OperationOutcomeIssue['code'],
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }

  /** The OperationOutcome of this failure. */
  toOutcome(): OperationOutcome {
    return operationOutcome(this.status >= 500 ? 'fatal' : 'error', this.issueCode, this.message);
  }
}

/**
 * An OperationOutcome with one issue.
 * @param severity - fatal, error, warning or information
 * @param code - the FHIR issue type
 * @param diagnostics - the human-readable text
 */
export function operationOutcome(severity: OperationOutcomeIssue['severity'], code: OperationOutcomeIssue['code'], diagnostics: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, diagnostics }] };
}

/**
 * The FhirError of one of our error codes (an unknown code is an internal error).
 * @param code - `extensions.code` of a GraphQL error or an admission refusal
 * @param message - safe to show
 * @param headers - Retry-After or WWW-Authenticate of the refusal
 */
export function fhirErrorOfCode(code: unknown, message: string, headers: Record<string, string> = {}): FhirError {
  const known: ErrorCode = isErrorCode(code) ? code : 'INTERNAL_SERVER_ERROR';
  const status = ERROR_REGISTRY[known].http ?? FHIR_STATUS_OF[known] ?? 500;
  // Internal failures are masked: the router's formatter already logged them with the request id.
  const text = known === 'INTERNAL_SERVER_ERROR' ? 'Internal server error.' : message;
  return new FhirError(status, ISSUE_TYPE_OF[known] ?? 'exception', text, headers);
}

/** 400 for a search parameter or value the facade does not understand. */
export function badSearch(message: string): FhirError {
  return new FhirError(400, 'invalid', message);
}

/** 404 for a resource that does not exist or that the caller may not see. */
export function notFound(type: string, id: string): FhirError {
  return new FhirError(404, 'not-found', `${type}/${id} is not known.`);
}
