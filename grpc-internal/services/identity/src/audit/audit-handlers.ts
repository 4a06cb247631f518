/**
 * AuditService: reading and verifying the audit trail of patient data (admins only). The trail is
 * written by every department's service through service-kit's `unary` (see @hospital/service-kit
 * audit.ts); this service never writes to it.
 */
import type {
  AccessRecord,
  AuditServiceHandlers,
  ListAccessRecordsRequest__Output,
  ListAccessRecordsResponse,
  RecordRefusedOperationRequest__Output,
  RecordRefusedOperationResponse,
  VerifyAuditChainResponse,
} from '@hospital/grpc-contracts';
import { DELIVERED_READ_REPORTERS, ROUTER_SERVICE_NAME } from '@hospital/grpc-contracts';
import {
  clientAddressKey,
  decodeCursor,
  distinctIds,
  encodeCursor,
  forbidden,
  invalidInput,
  keysetOf,
  keysetPage,
  parseRequest,
  type AuditEntry,
  type AuditSink,
} from '@hospital/service-kit';
import { unary, type CallScope, type HandlerSecurity } from '@hospital/service-kit/grpc';
import type { AccessRecordRow, AuditChainReport, AccessRecordFilter } from '@hospital/db';
import { listAccessRecordsSchema } from './list-access-records.schema.ts';
import { recordRefusedOperationSchema } from './record-refused-operation.schema.ts';
import { recordDeliveredReadsHandler } from './record-delivered-reads.handler.ts';
import { REFUSALS_OVER_CAP, createAnonymousRefusalCap, type AnonymousRefusalCap } from './anonymous-refusal-cap.ts';

/** Fully qualified service name, as health checks know it. */
export const AUDIT_SERVICE_NAME = 'hospital.identity.v1.AuditService';

/** Where the trail is read from (the database in production, see startIdentityService). */
export interface AuditTrailReader {
  list(filter: AccessRecordFilter, page: { limit: number; beforeSeq?: number }): Promise<{ records: AccessRecordRow[]; totalCount: number }>;
  verify(): Promise<AuditChainReport>;
}

function toProtoRecord(row: AccessRecordRow): AccessRecord {
  return {
    seq: String(row.seq),
    occurredAt: row.occurredAt.toISOString(),
    actorKind: row.actorKind,
    actorId: row.actorId ?? '',
    actorRole: row.actorRole ?? '',
    action: row.action,
    operation: row.operation ?? '',
    resource: row.resource,
    patientId: row.patientId ?? '',
    fields: row.fields,
    outcome: row.outcome,
    reason: row.reason ?? '',
    ip: row.ip ?? '',
    userAgent: row.userAgent ?? '',
    requestId: row.requestId,
    hash: row.hash,
    appClientId: row.app?.clientId ?? '',
    appName: row.app?.name ?? '',
  };
}

function beforeSeqFrom(cursor: string): number {
  const [seq] = decodeCursor(cursor, 1);
  if (!/^[1-9][0-9]{0,15}$/.test(seq ?? '')) throw invalidInput('Invalid cursor.', 'after');
  return Number(seq);
}

/**
 * A page of the trail, newest first.
 * @param request - filters and page
 * @param trail - where the trail is read
 */
export async function listAccessRecordsHandler(request: ListAccessRecordsRequest__Output, trail: AuditTrailReader): Promise<ListAccessRecordsResponse> {
  const { patientId, userId, from, to, page } = parseRequest(listAccessRecordsSchema, request);
  const { limit, readLimit, after: beforeSeq } = keysetOf(page, beforeSeqFrom);
  const { records, totalCount } = await trail.list({ patientId, actorId: userId, from, to }, { limit: readLimit, beforeSeq });
  const { rows, cursors, pageInfo } = keysetPage(records, limit, (row) => encodeCursor([String(row.seq)]), totalCount);
  return { records: rows.map(toProtoRecord), cursors, pageInfo };
}

/**
 * Verifies the chain.
 * @param trail - where the trail is read
 */
export async function verifyAuditChainHandler(trail: AuditTrailReader): Promise<VerifyAuditChainResponse> {
  const report = await trail.verify();
  return {
    ok: report.ok,
    rows: String(report.rows),
    headSeq: String(report.head?.seq ?? 0),
    headHash: report.head?.hash ?? '',
    brokenSeq: String(report.brokenAt?.seq ?? 0),
    problem: report.brokenAt?.problem ?? '',
  };
}

/**
 * Records a request the router refused at the edge. A signed-in user's refusal gets one denied row
 * per patient it named (one naming none when it named none), the refused fields as the row's
 * fields. An anonymous one (no token, or a bad one) gets a single row naming no patient (a caller
 * who proved no identity read nothing, and must not buy a row per name it types), within the
 * {@link AnonymousRefusalCap}; over the cap an address leaves one row a minute with reason
 * REFUSALS_OVER_CAP, then nothing is written and `recorded` is 0.
 * @param request - the refusal as the router saw it
 * @param sink - the audit trail
 * @param cap - how many anonymous refusals may be written
 */
export async function recordRefusedOperationHandler(
  request: RecordRefusedOperationRequest__Output,
  sink: AuditSink,
  cap: AnonymousRefusalCap,
): Promise<RecordRefusedOperationResponse> {
  const refusal = parseRequest(recordRefusedOperationSchema, request);
  const appItself = refusal.userId === '' && refusal.appClientId !== '';
  const anonymous = refusal.userId === '' && !appItself;
  const base: Omit<AuditEntry, 'patientId'> = {
    actorKind: anonymous ? 'anonymous' : appItself ? 'app' : 'user',
    actorId: refusal.userId || refusal.appClientId || null,
    actorRole: refusal.userRole || null,
    action: `Router.${refusal.operationType || 'request'}`,
    operation: refusal.operation || null,
    resource: 'GraphQL operation',
    fields: refusal.fields,
    outcome: 'denied',
    reason: refusal.reason,
    ip: refusal.ip || null,
    userAgent: refusal.userAgent || null,
    requestId: refusal.requestId,
    app: refusal.appClientId === '' ? undefined : { clientId: refusal.appClientId, name: refusal.appName },
  };
  if (anonymous) {
    // Counted like the router's rate limits: IPv6 by its /64, which one client can roam.
    const verdict = cap.admit(clientAddressKey(refusal.ip));
    if (verdict === 'none') return { recorded: 0 };
    // Over the cap, the address's one row this minute says so; the refusal's own code is in the log count.
    await sink.record([{ ...base, patientId: null, reason: verdict === 'overflow' ? REFUSALS_OVER_CAP : base.reason }]);
    return { recorded: 1 };
  }
  const patients = distinctIds(refusal.patientIds);
  const entries = patients.length === 0 ? [{ ...base, patientId: null }] : patients.map((patientId) => ({ ...base, patientId }));
  await sink.record(entries);
  return { recorded: entries.length };
}

/** The service name the router signs its own calls with (router/src: `signIdentity({ kind: 'service', service: 'router' }, …)`). */
export const ROUTER_SERVICE = ROUTER_SERVICE_NAME;

/**
 * Runs a handler only for the router. 'internal' admits every service principal; these reports
 * write rows in other people's names, so one compromised department must not be able to forge them.
 * @param scope - the verified caller
 * @param handler - the report's handler
 */
function routerOnly<Res>(scope: CallScope, handler: () => Promise<Res>): Promise<Res> {
  if (scope.caller.kind !== 'service' || scope.caller.service !== ROUTER_SERVICE) throw forbidden('Only the router may report to the audit trail.');
  return handler();
}

/** Who may report delivered reads: the router and the subgraphs the department table names (`DELIVERED_READ_REPORTERS`). */
const DELIVERY_REPORTERS: ReadonlySet<string> = new Set(DELIVERED_READ_REPORTERS);

/**
 * Runs a handler only for a reporter of delivered reads (as {@link routerOnly}, for the few that deliver events).
 * @param scope - the verified caller
 * @param handler - the report's handler
 */
function deliveryReportersOnly<Res>(scope: CallScope, handler: () => Promise<Res>): Promise<Res> {
  if (scope.caller.kind !== 'service' || !DELIVERY_REPORTERS.has(scope.caller.service)) throw forbidden('Only the router and the clinical subgraph may report delivered reads.');
  return handler();
}

/**
 * Builds the handlers of AuditService.
 * @param trail - where the trail is read
 * @param sink - where refusals reported by the router are written
 * @param security - internal secret and logger for the `unary` wrapper
 * @param cap - how many anonymous refusals reach the trail (default: 20 per address, 600 in all, a minute, plus one overflow row per address over it)
 */
export function createAuditHandlers(
  trail: AuditTrailReader,
  sink: AuditSink,
  security: HandlerSecurity,
  cap: AnonymousRefusalCap = createAnonymousRefusalCap(undefined, (dropped) =>
    security.logger.warn({ dropped }, 'anonymous refusals over the cap were not written to the audit trail'),
  ),
): AuditServiceHandlers {
  // Reading the trail is itself audited: who read whose accesses (the patients of the records shown).
  const audited = { ...security, audit: sink };
  return {
    ListAccessRecords: unary(['admin'], (request) => listAccessRecordsHandler(request, trail), audited, {
      audit: { resource: 'AccessRecord', requested: (request) => [request.patientId], returned: (response) => (response.records ?? []).map((record) => record.patientId ?? '') },
    }),
    VerifyAuditChain: unary(['admin'], () => verifyAuditChainHandler(trail), audited, { audit: { resource: 'AccessRecord' } }),
    // Only the router reports what it refused; no user, nor another service, may write the trail.
    RecordRefusedOperation: unary('internal', (request, scope) => routerOnly(scope, () => recordRefusedOperationHandler(request, sink, cap)), security),
    // Only those who deliver events to subscribers (the router, the clinical subgraph) report them.
    RecordDeliveredReads: unary('internal', (request, scope) => deliveryReportersOnly(scope, () => recordDeliveredReadsHandler(request, sink)), security),
  };
}
