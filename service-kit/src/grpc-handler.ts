/**
 * The one wrapper every unary gRPC handler goes through: it verifies the forwarded identity,
 * binds the request id for logs, and turns thrown errors into gRPC statuses (domain errors keep
 * their meaning; anything else is masked and logged).
 */
import { Metadata, status as GrpcStatus, type ServerUnaryCall, type sendUnaryData, type handleUnaryCall } from '@grpc/grpc-js';
import { randomUUID } from 'node:crypto';
import { DomainError, FIELD_METADATA_KEY, ObjectAccessDenied, RETRY_AFTER_METADATA_KEY, RetryLaterError } from './errors.ts';
import { ERROR_TABLE, isOverloadFailure } from './grpc-status.ts';
import { auditEntries, type AuditCall, type AuditSink, type AuditSpec } from './audit.ts';
import { IDENTITY_HEADER, REQUEST_ID_HEADER, verifyForwardedIdentity, type Caller, type RequestOrigin, type RoleName } from './identity-token.ts';
import { metadataValue } from './grpc-metadata.ts';
import { safeRequestId } from './request-id.ts';
import { meteredAuditSink, observeGrpcCall } from './metrics/grpc-metrics.ts';
import { requestContextStore, type Logger } from './logger.ts';
import { inGrpcServerSpan } from './tracing/server-spans.ts';

/** What a handler knows about the call besides its request. */
export interface CallScope {
  /** The verified caller. */
  caller: Caller;
  /** Where the request came from, as the router signed it. */
  origin: RequestOrigin;
  /** The request id propagated from the router. */
  requestId: string;
  /** The router-signed identity as received, to forward on calls to other departments. */
  identityToken: string;
  /** Logger bound to this call. */
  logger: Logger;
  /**
   * Records that an object-level check withheld these patients' records (left out of a batch,
   * or refused): the audit trail gets a denied row for each, beside the allowed ones.
   */
  noteDeniedAccess?(patientIds: readonly string[]): void;
}

/** Dependencies of the wrapper. */
export interface HandlerSecurity {
  /** INTERNAL_SECRET shared with the router and subgraphs. */
  internalSecret: string;
  /** Logger of the service. */
  logger: Logger;
  /** The audit trail; required by every method that declares an {@link AuditSpec}. */
  audit?: AuditSink;
}

/**
 * Which callers a method admits: anyone who came through the router, any signed-in user, some
 * roles, or only the system's own services ('internal'). Service callers (signed with the
 * internal secret, never reachable from the router) are trusted by every non-public method too.
 */
export type Admission = 'public' | 'authenticated' | 'internal' | readonly RoleName[];

/** Options of one method. */
export interface UnaryOptions<Req, Res> {
  /** Declares the method as touching patient data: every allowed or denied call is audited. */
  audit?: AuditSpec<Req, Res>;
}

/**
 * Wraps a promise-returning handler as a grpc-js unary handler.
 * @param admission - who may call it
 * @param handler - the business handler
 * @param security - internal secret, logger and (for patient data) the audit sink
 * @param options - the method's audit declaration
 */
export function unary<Req, Res>(
  admission: Admission,
  handler: (request: Req, scope: CallScope) => Promise<Res>,
  security: HandlerSecurity,
  // The handler alone decides Req and Res; an audit declaration is checked against them.
  options: UnaryOptions<NoInfer<Req>, NoInfer<Res>> = {},
): handleUnaryCall<Req, Res> {
  const spec = options.audit;
  const sink = security.audit && meteredAuditSink(security.audit);
  // Fail at start-up, not on the first patient read: patient data without an audit trail is a bug.
  if (spec && !sink) throw new Error(`An audited method (${spec.resource}) needs an audit sink.`);
  return (call: ServerUnaryCall<Req, Res>, callback: sendUnaryData<Res>) => {
    const requestId = safeRequestId(metadataValue(call.metadata, REQUEST_ID_HEADER)) ?? randomUUID();
    const verified = verifyForwardedIdentity(metadataValue(call.metadata, IDENTITY_HEADER), security.internalSecret);
    const caller = verified?.caller;
    const origin = verified?.origin ?? {};
    const userId = caller?.kind === 'user' ? caller.userId : undefined;
    const context = userId ? { requestId, userId } : { requestId };
    // A server span continuing the caller's trace (a no-op with tracing off).
    void inGrpcServerSpan(call.getPath(), metadataValue(call.metadata, 'traceparent'), (finish) =>
      requestContextStore.run(context, async () => {
        const logger = security.logger.child({ method: call.getPath() });
        const started = performance.now();
        // One line per call: method, outcome, duration (ids come from the request context).
        const done = (code: GrpcStatus) => {
          const ms = performance.now() - started;
          observeGrpcCall(call.getPath(), code, ms / 1000);
          finish(code);
          logger.info({ code: GrpcStatus[code], durationMs: Math.round(ms) }, 'grpc call');
        };
        const audited: AuditCall | undefined = caller ? { caller, origin, requestId, path: call.getPath() } : undefined;
        const withheld: string[] = [];
        const audit: AuditedCall<Req, Res> | undefined = spec && sink && audited ? { spec, sink, call: audited, request: call.request, logger, withheld } : undefined;
        try {
          // No signed identity means the call did not come through the router.
          if (!caller) throw new DomainError('UNAUTHENTICATED', 'Missing or invalid internal identity.');
          admit(admission, caller);
          const response = await handler(call.request, {
            caller,
            origin,
            requestId,
            logger,
            identityToken: metadataValue(call.metadata, IDENTITY_HEADER) ?? '',
            noteDeniedAccess: (patientIds) => void withheld.push(...patientIds),
          });
          if (audit) await auditAllowed(audit, response);
          done(GrpcStatus.OK);
          callback(null, response);
        } catch (error) {
          if (audit) await auditDenied(audit, error);
          const status = toServiceError(error, logger);
          done(status.code);
          callback(status);
        }
      }),
    );
  };
}

/** An audited call as both outcomes record it: the method's declaration, the sink, who asked what, and what was withheld. */
interface AuditedCall<Req, Res> {
  spec: AuditSpec<Req, Res>;
  sink: AuditSink;
  call: AuditCall;
  request: Req;
  logger: Logger;
  /** Patients whose records an object-level check left out (noteDeniedAccess). */
  withheld: readonly string[];
}

/**
 * Records an allowed access. A read whose audit row cannot be written fails (no patient data leaves
 * unaudited); a write has already committed, so its failure to audit is logged, not undone.
 */
async function auditAllowed<Req, Res>({ spec, sink, call, request, logger, withheld }: AuditedCall<Req, Res>, response: Res): Promise<void> {
  // A patient whose records were all withheld was not accessed: a denied row only, no allowed one.
  const withheldIds = new Set(withheld.map((id) => id.toLowerCase()));
  const ids = spec.returned ? spec.returned(response, request, withheldIds) : (spec.requested?.(request) ?? []).filter((id) => !withheldIds.has(id.toLowerCase()));
  const fields = spec.fields?.(request) ?? [];
  // What an object-level check left out of the answer is denied, in the same INSERT.
  const denied = withheld.length > 0 ? auditEntries(call, spec.resource, withheld, { outcome: 'denied', reason: 'OBJECT_ACCESS' }) : [];
  try {
    // An answer that withheld everything it found shows nothing: denied rows only.
    const allowed = ids.length === 0 && denied.length > 0 ? [] : auditEntries(call, spec.resource, ids, { outcome: 'allowed' }, fields);
    await sink.record([...allowed, ...denied]);
  } catch (error) {
    logger.error({ err: error, resource: spec.resource }, 'audit trail write failed');
    if (!spec.fields) throw error;
  }
}

/**
 * Records a refused access (role or object-level check); other failures touched no data. An
 * object-level refusal names the patient of the record refused when the handler noted it.
 */
async function auditDenied<Req, Res>({ spec, sink, call, request, logger, withheld }: AuditedCall<Req, Res>, error: unknown): Promise<void> {
  if (!(error instanceof DomainError)) return;
  const reason = error instanceof ObjectAccessDenied ? 'OBJECT_ACCESS' : error.code;
  if (reason !== 'OBJECT_ACCESS' && reason !== 'FORBIDDEN' && reason !== 'UNAUTHENTICATED') return;
  try {
    const ids = withheld.length > 0 ? withheld : (spec.requested?.(request) ?? []);
    await sink.record(auditEntries(call, spec.resource, ids, { outcome: 'denied', reason }, spec.fields?.(request) ?? []));
  } catch (auditError) {
    logger.error({ err: auditError, resource: spec.resource }, 'audit trail write failed for a denied call');
  }
}

function admit(admission: Admission, caller: Caller): void {
  if (admission === 'public' || caller.kind === 'service') return;
  if (admission === 'internal') throw new DomainError('FORBIDDEN', 'Only the system itself may call this.');
  // A third-party app reached this call through a GraphQL field its scopes cover (checked at the
  // router and again in the subgraph); it may use what staff use, never admin-only methods.
  if (caller.kind === 'app') {
    if (admission !== 'authenticated' && admission.every((role) => role === 'admin')) throw new DomainError('FORBIDDEN', 'Apps may not do this.');
    return;
  }
  if (caller.kind !== 'user') throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
  if (admission === 'authenticated') return;
  if (!admission.includes(caller.role)) throw new DomainError('FORBIDDEN', 'Your role may not do this.');
}

/**
 * Turns any thrown value into a gRPC status; unknown errors are masked and logged.
 * @param error - what the handler threw
 * @param logger - where to log unexpected errors
 */
export function toServiceError(error: unknown, logger: Logger): { code: GrpcStatus; details: string; metadata?: Metadata } {
  if (error instanceof DomainError) {
    const metadata = new Metadata();
    if (error.field) metadata.set(FIELD_METADATA_KEY, error.field);
    if (error instanceof RetryLaterError) metadata.set(RETRY_AFTER_METADATA_KEY, String(error.retryAfterSeconds));
    return { code: ERROR_TABLE[error.code].grpc, details: error.message, metadata };
  }
  if (isOverloadFailure(error)) {
    // The database or another department could not keep up: a retryable 503, not a masked 500.
    logger.warn({ err: error }, 'dependency overloaded; answered UNAVAILABLE');
    const metadata = new Metadata();
    metadata.set(RETRY_AFTER_METADATA_KEY, '1');
    return { code: GrpcStatus.UNAVAILABLE, details: 'The department is busy; try again shortly.', metadata };
  }
  logger.error({ err: error }, 'unexpected error in handler');
  return { code: GrpcStatus.INTERNAL, details: 'Internal error.' };
}
