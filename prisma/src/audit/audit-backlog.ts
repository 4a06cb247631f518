/**
 * What the sealer has not chained yet. Pending rows are durable and counted, but they are outside
 * the hash chain until sealed: rows older than a few seconds mean no sealer is running (or it
 * fails), which `npm run audit:verify` reports as an alert.
 */
import type { PrismaClient } from '../generated/prisma/client.ts';

/** Default age (s) past which a pending row is reported by the verification command. */
export const AUDIT_PENDING_MAX_AGE_SECONDS = { default: 60, min: 1, max: 86_400 } as const;

/** The pending table at a glance. */
export interface AuditBacklog {
  /** Rows appended and not yet chained. */
  pending: number;
  /** Age of the oldest of them, in seconds (database clock); null when none is pending. */
  oldestAgeSeconds: number | null;
}

/**
 * Counts pending rows and measures the oldest (by append order).
 * @param prisma - a client of the hospital database (any role that may read the pending table)
 */
export async function auditBacklog(prisma: PrismaClient): Promise<AuditBacklog> {
  const [row] = await prisma.$queryRaw<Array<{ pending: bigint; age: number | null }>>`
    SELECT (SELECT count(*) FROM "audit"."access_log_pending") AS "pending",
           (SELECT extract(epoch FROM clock_timestamp() - "occurred_at")::float8 FROM "audit"."access_log_pending" ORDER BY "id" LIMIT 1) AS "age"`;
  return { pending: Number(row?.pending ?? 0), oldestAgeSeconds: row?.age ?? null };
}
