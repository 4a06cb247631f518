/**
 * AuditService.RecordDeliveredReads: the router fans one resolution of a subscription event out to
 * every subscriber of the same selection and access scope, and reports here, in one call per
 * event, every reader who received patient data but was not the one the resolution ran as (that
 * one is audited by the service that answered). One allowed row per reader and patient, written
 * in one INSERT through the audit sink.
 */
import { z } from 'zod';
import type { RecordDeliveredReadsRequest__Output, RecordDeliveredReadsResponse } from '@hospital/grpc-contracts';
import { distinctIds, parseRequest, ROLES, uuidSchema, type AuditEntry, type AuditSink } from '@hospital/service-kit';
import { auditText } from './record-refused-operation.schema.ts';

/** Reads one call may carry: 1,000 subscribers times a few patients each, with room to spare. */
export const MAX_DELIVERED_READS = 10_000;

const deliveredReadSchema = z.object({
  userId: uuidSchema,
  userRole: z.enum(ROLES),
  // A GraphQL field name: the action is recorded as Subscription.<rootField>.
  rootField: z.string().regex(/^[_A-Za-z][_0-9A-Za-z]{0,63}$/, 'must be a field name'),
  operation: auditText(256),
  resource: z.string().regex(/^[A-Z][A-Za-z]{0,63}$/, 'must be a type name'),
  patientIds: z.array(uuidSchema).min(1).max(100),
  requestId: auditText(64).min(1),
  ip: auditText(256),
  userAgent: auditText(256),
  // The app the reader acted through (authorization code): '' when none.
  appClientId: z.union([z.literal(''), uuidSchema]).default(''),
  appName: auditText(256).default(''),
});

/** Validation of RecordDeliveredReadsRequest (sent by the router; still checked like any input). */
export const recordDeliveredReadsSchema = z.object({ reads: z.array(deliveredReadSchema).max(MAX_DELIVERED_READS) });

/**
 * The rows of the reads.
 * @param request - what the router reported
 */
export function deliveredReadEntries(request: z.infer<typeof recordDeliveredReadsSchema>): AuditEntry[] {
  return request.reads.flatMap((read) =>
    distinctIds(read.patientIds).map((patientId) => ({
      actorKind: 'user' as const,
      actorId: read.userId,
      actorRole: read.userRole,
      action: `Subscription.${read.rootField}`,
      operation: read.operation || null,
      resource: read.resource,
      patientId,
      fields: [],
      outcome: 'allowed' as const,
      reason: null,
      ip: read.ip || null,
      userAgent: read.userAgent || null,
      requestId: read.requestId,
      app: read.appClientId === '' ? undefined : { clientId: read.appClientId, name: read.appName },
    })),
  );
}

/**
 * Records the reads in one INSERT.
 * @param request - the reads
 * @param sink - the audit trail
 */
export async function recordDeliveredReadsHandler(request: RecordDeliveredReadsRequest__Output, sink: AuditSink): Promise<RecordDeliveredReadsResponse> {
  const entries = deliveredReadEntries(parseRequest(recordDeliveredReadsSchema, request));
  if (entries.length > 0) await sink.record(entries);
  return { recorded: entries.length };
}
