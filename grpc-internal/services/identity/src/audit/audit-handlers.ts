/**
 * AuditService: reading and verifying the audit trail of patient data (admins only). The trail is
 * written by every department's service through service-kit's `unary` (see @hospital/service-kit
 * audit.ts); this service never writes to it.
 */
import type { AccessRecord, AuditServiceHandlers, ListAccessRecordsRequest__Output, ListAccessRecordsResponse, VerifyAuditChainResponse } from '@hospital/grpc-contracts';
import { decodeCursor, encodeCursor, invalidInput, pageSize, parseRequest, unary, type HandlerSecurity } from '@hospital/service-kit';
import type { AccessRecordRow, AuditChainReport, AccessRecordFilter } from '@hospital/db';
import { listAccessRecordsSchema } from './list-access-records.schema.ts';

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
  };
}

function beforeSeqFrom(cursor: string): number | undefined {
  if (!cursor) return undefined;
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
  const limit = pageSize(page.first);
  const beforeSeq = beforeSeqFrom(page.after);
  // One row more than the page tells whether another page follows.
  const { records, totalCount } = await trail.list({ patientId, actorId: userId, from, to }, { limit: limit + 1, beforeSeq });
  const pageRows = records.slice(0, limit);
  const cursors = pageRows.map((row) => encodeCursor([String(row.seq)]));
  return {
    records: pageRows.map(toProtoRecord),
    cursors,
    pageInfo: { endCursor: cursors.at(-1) ?? '', hasNextPage: records.length > limit, totalCount },
  };
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
 * Builds the handlers of AuditService.
 * @param trail - where the trail is read
 * @param security - internal secret and logger for the `unary` wrapper
 */
export function createAuditHandlers(trail: AuditTrailReader, security: HandlerSecurity): AuditServiceHandlers {
  return {
    ListAccessRecords: unary(['admin'], (request) => listAccessRecordsHandler(request, trail), security),
    VerifyAuditChain: unary(['admin'], () => verifyAuditChainHandler(trail), security),
  };
}
