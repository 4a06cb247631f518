/**
 * The one registry of error codes a client can see (`extensions.code`), as data: who raises each,
 * its HTTP and gRPC statuses, whether it is shown as raised or masked, whether a retry may succeed,
 * and what it means. Everything else is derived from it: service-kit's domain errors and gRPC
 * mapping, the router's refusal statuses and formatter, the subgraph kit's formatter, the web's
 * sentences and the README's error table (`npm run docs:errors`).
 *
 * No runtime dependency (not even grpc-js: statuses are named here), so the browser bundle can
 * import it as `@hospital/grpc-contracts/errors`.
 */

/** gRPC status names (grpc-js `status` enum keys). */
export type GrpcStatusName =
  | 'OK'
  | 'CANCELLED'
  | 'UNKNOWN'
  | 'INVALID_ARGUMENT'
  | 'DEADLINE_EXCEEDED'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'PERMISSION_DENIED'
  | 'RESOURCE_EXHAUSTED'
  | 'FAILED_PRECONDITION'
  | 'ABORTED'
  | 'OUT_OF_RANGE'
  | 'UNIMPLEMENTED'
  | 'INTERNAL'
  | 'UNAVAILABLE'
  | 'DATA_LOSS'
  | 'UNAUTHENTICATED';

/** Who raises a code: a department service (over gRPC), the router's edge, or Apollo Server itself. */
export type ErrorSource = 'service' | 'edge' | 'graphql';

/** One code's definition. */
export interface ErrorDefinition {
  /** Who raises it. */
  source: ErrorSource;
  /**
   * The HTTP status of a request refused with it before execution (at the edge or by Apollo
   * Server); `null` when it is only raised during execution, where the answer is HTTP 200 with the
   * error next to the data (except {@link ErrorDefinition.retryable} codes, below).
   */
  http: number | null;
  /**
   * The gRPC status a service sends for it (first) and any other status that maps to it; empty for
   * codes no service sends. See {@link codeOfGrpcStatus} for the statuses shared by two codes.
   */
  grpc: readonly GrpcStatusName[];
  /** Shown as raised (code and message); false: replaced by INTERNAL_SERVER_ERROR and logged. */
  clientVisible: boolean;
  /**
   * A retry after `extensions.retryAfterSeconds` (also the `Retry-After` header) may succeed; an
   * answer whose errors include it and that holds no data takes its {@link ErrorDefinition.http}.
   */
  retryable: boolean;
  /** What it means, for the README and the TSDoc of its users. */
  description: string;
}

/** Every client-visible code. Adding one here forces every derived list (and the web's words) to place it. */
export const ERROR_REGISTRY = {
  UNAUTHENTICATED: {
    source: 'service',
    http: 401,
    grpc: ['UNAUTHENTICATED'],
    clientVisible: true,
    retryable: false,
    description:
      'no, expired, forged or revoked token (refused at the edge); a sign-in with a wrong password, an unknown email or a deactivated account (one message for all three, answered with data null and HTTP 200)',
  },
  FORBIDDEN: {
    source: 'service',
    http: 403,
    grpc: ['PERMISSION_DENIED'],
    clientVisible: true,
    retryable: false,
    description: 'the role may not read or change a field; the whole request is refused',
  },
  BAD_USER_INPUT: {
    source: 'service',
    http: 400,
    grpc: ['INVALID_ARGUMENT', 'OUT_OF_RANGE'],
    clientVisible: true,
    retryable: false,
    description: 'malformed or rule-breaking input; `extensions.field` names the field (HTTP 400 when the variables are refused at the edge)',
  },
  NOT_FOUND: {
    source: 'service',
    http: null,
    grpc: ['NOT_FOUND'],
    clientVisible: true,
    retryable: false,
    description: "no such record (also another doctor's or ward's record: nothing confirms it exists)",
  },
  CONFLICT: {
    source: 'service',
    http: null,
    grpc: ['ALREADY_EXISTS', 'ABORTED'],
    clientVisible: true,
    retryable: false,
    description: 'duplicate, taken, or lost a race',
  },
  PASSWORD_CHANGE_REQUIRED: {
    source: 'service',
    http: null,
    grpc: ['FAILED_PRECONDITION'],
    clientVisible: true,
    retryable: false,
    description:
      'a sign-in with a temporary password an admin set (the password was right): no session is opened until `login` is sent again with `newPassword` (answered with data null and HTTP 200)',
  },
  RATE_LIMITED: {
    source: 'service',
    http: 429,
    grpc: ['RESOURCE_EXHAUSTED'],
    clientVisible: true,
    retryable: true,
    description:
      'too many requests from this client (per address, per user), or too many sign-in attempts (per email and address, address, account); a service sends `RESOURCE_EXHAUSTED` with `x-retry-after`',
  },
  SERVICE_UNAVAILABLE: {
    source: 'service',
    http: 503,
    grpc: ['UNAVAILABLE', 'DEADLINE_EXCEEDED', 'RESOURCE_EXHAUSTED'],
    clientVisible: true,
    retryable: true,
    description:
      'overloaded (the router sheds load past its in-flight and queue limits; a service is busy, down or past its deadline; a subgraph cannot be reached) or starting; a mutation that timed out may have been applied: read before retrying it',
  },
  OPERATION_TOO_COSTLY: {
    source: 'edge',
    http: 400,
    grpc: [],
    clientVisible: true,
    retryable: false,
    description: 'the operation costs more than the limit (too deep or too wide is `GRAPHQL_VALIDATION_FAILED`); refused before any subgraph is called',
  },
  PERSISTED_OPERATION_REQUIRED: {
    source: 'edge',
    http: 400,
    grpc: [],
    clientVisible: true,
    retryable: false,
    description: 'a browser sent free-form text to a router enforcing the safelist',
  },
  PERSISTED_QUERY_NOT_FOUND: {
    source: 'graphql',
    http: 400,
    grpc: [],
    clientVisible: true,
    retryable: false,
    description: 'an operation hash the safelist does not know (the page is older or newer than the server)',
  },
  PERSISTED_QUERY_NOT_SUPPORTED: {
    source: 'graphql',
    http: 400,
    grpc: [],
    clientVisible: true,
    retryable: false,
    description: 'an operation hash sent to a router whose safelist is off',
  },
  GRAPHQL_PARSE_FAILED: {
    source: 'graphql',
    http: 400,
    grpc: [],
    clientVisible: true,
    retryable: false,
    description: 'the document is not GraphQL, or has more tokens than the caller may send',
  },
  GRAPHQL_VALIDATION_FAILED: {
    source: 'graphql',
    http: 400,
    grpc: [],
    clientVisible: true,
    retryable: false,
    description: 'the document does not fit the schema, or is too deep, has too many aliases or root fields',
  },
  BAD_REQUEST: {
    source: 'graphql',
    http: 400,
    grpc: [],
    clientVisible: true,
    retryable: false,
    description: 'the request is not a GraphQL request (shape, method, content type)',
  },
  OPERATION_RESOLUTION_FAILURE: {
    source: 'graphql',
    http: 400,
    grpc: [],
    clientVisible: true,
    retryable: false,
    description: 'the named operation is not in the document, or several are and none is named',
  },
  INTERNAL_SERVER_ERROR: {
    source: 'service',
    http: null,
    grpc: ['INTERNAL', 'UNKNOWN', 'CANCELLED', 'UNIMPLEMENTED', 'DATA_LOSS'],
    clientVisible: false,
    retryable: false,
    description: 'anything else (any other status); masked in production (`extensions.requestId` to find it in the logs)',
  },
} as const satisfies Record<string, ErrorDefinition>;

/** A client-visible error code. */
export type ErrorCode = keyof typeof ERROR_REGISTRY;

/** Every code, in the registry's order. */
export const ALL_ERROR_CODES = Object.keys(ERROR_REGISTRY) as ErrorCode[];

/** The codes of a given source. */
type CodesOf<S extends ErrorSource> = { [K in ErrorCode]: (typeof ERROR_REGISTRY)[K]['source'] extends S ? K : never }[ErrorCode];

/** Codes a service raises (a domain error's code): they travel as a gRPC status. */
export type ServiceErrorCode = CodesOf<'service'>;
/** Codes a whole request can be refused with before execution (those with an HTTP status). */
export type EdgeErrorCode = { [K in ErrorCode]: (typeof ERROR_REGISTRY)[K]['http'] extends number ? K : never }[ErrorCode];

/** The service codes, in the registry's order. */
export const SERVICE_ERROR_CODES = ALL_ERROR_CODES.filter((code) => ERROR_REGISTRY[code].source === 'service') as ServiceErrorCode[];

/** Codes shown to clients as raised; every other code (and any unknown one) is masked. */
export const CLIENT_VISIBLE_CODES: ReadonlySet<string> = new Set(ALL_ERROR_CODES.filter((code) => ERROR_REGISTRY[code].clientVisible));

/** Codes whose answers carry a retry delay (429 / 503 with `Retry-After`). */
export const RETRYABLE_CODES: ReadonlySet<string> = new Set(ALL_ERROR_CODES.filter((code) => ERROR_REGISTRY[code].retryable));

/** The retry delay given when a retryable failure came without one (a deadline, a service down). */
export const DEFAULT_RETRY_AFTER_SECONDS = 1;

/**
 * Whether a string is a registry code.
 * @param code - anything from `extensions.code`
 */
export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.hasOwn(ERROR_REGISTRY, code);
}

/**
 * The code a gRPC status becomes. `RESOURCE_EXHAUSTED` with a retry delay is a service's per-client
 * refusal (RATE_LIMITED); without one (the transport's own: a full queue, a message too large) and
 * `UNAVAILABLE` / `DEADLINE_EXCEEDED` (a service busy, down or past the deadline) are overload,
 * SERVICE_UNAVAILABLE. Any status the registry does not list is INTERNAL_SERVER_ERROR.
 * @param status - the status's name
 * @param hasRetryAfter - the status carried `x-retry-after`
 */
export function codeOfGrpcStatus(status: string | undefined, hasRetryAfter: boolean): ServiceErrorCode {
  if (status === 'RESOURCE_EXHAUSTED') return hasRetryAfter ? 'RATE_LIMITED' : 'SERVICE_UNAVAILABLE';
  for (const code of SERVICE_ERROR_CODES) {
    if ((ERROR_REGISTRY[code].grpc as readonly string[]).includes(status ?? '')) return code;
  }
  return 'INTERNAL_SERVER_ERROR';
}

/**
 * The gRPC status a service sends for a code it raises (the first of its list).
 * @param code - a service code
 */
export function grpcStatusOf(code: ServiceErrorCode): GrpcStatusName {
  return ERROR_REGISTRY[code].grpc[0];
}
