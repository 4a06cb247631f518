/**
 * Writing to the audit trail (audit.access_log). The database sets seq, time and hashes (see the
 * migrations 20261125000100_audit_trail and 20261206130200_audit_sealer), so a writer can only
 * append facts, never shape the chain.
 */
import type { AuditEntry, AuditSink } from '@hospital/service-kit';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';

/**
 * An audit sink over a Prisma client. Each call appends its entries to the pending table in one
 * multi-row INSERT, without any lock, then has the sealer chain everything pending up to them
 * (`audit.seal_pending`): one waiting writer's seal carries the others' rows too, so writers no
 * longer queue one by one (migration 20261206130200_audit_sealer). When it resolves, the entries
 * are in the chain. A row the same request already recorded (same actor, action, patient, outcome
 * and fields) is skipped, without taking a seq (migration 20261206130000_audit_once_per_request).
 * @param prisma - a client of the hospital database
 */
export function createAuditLog(prisma: PrismaClient): AuditSink {
  return {
    async record(entries) {
      if (entries.length === 0) return;
      const rows = entries.map(
        (entry: AuditEntry) => Prisma.sql`(${entry.actorKind}, ${entry.actorId}, ${entry.actorRole}, ${entry.action}, ${entry.operation}, ${entry.resource},
          ${entry.patientId}::uuid, ${entry.fields}::text[], ${entry.outcome}, ${entry.reason}, ${entry.ip}, ${entry.userAgent}, ${entry.requestId})`,
      );
      const appended = await prisma.$queryRaw<Array<{ last: bigint | null }>>`WITH appended AS (
        INSERT INTO "audit"."access_log_pending"
          ("actor_kind", "actor_id", "actor_role", "action", "operation", "resource", "patient_id", "fields", "outcome", "reason", "ip", "user_agent", "request_id")
        VALUES ${Prisma.join(rows)}
        ON CONFLICT DO NOTHING
        RETURNING "id")
        SELECT max("id") AS "last" FROM appended`;
      const last = appended[0]?.last;
      if (last !== null && last !== undefined) await sealPending(prisma, last);
    },
  };
}

/**
 * Chains pending rows (all of them, or at least those up to `through`); returns how many it sealed.
 * Readers call it first so that they see every access recorded so far.
 * @param prisma - a client of the hospital database
 * @param through - the last pending id that must be chained on return (default: all pending now)
 */
export async function sealPending(prisma: PrismaClient, through?: bigint): Promise<number> {
  const [row] = await prisma.$queryRaw<Array<{ sealed: bigint }>>`SELECT "audit"."seal_pending"(${through ?? null}::bigint) AS "sealed"`;
  return Number(row?.sealed ?? 0);
}
