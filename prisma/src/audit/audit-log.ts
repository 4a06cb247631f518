/**
 * Writing to the audit trail (audit.access_log). The database sets seq, time and hashes (see the
 * migration 20261125000100_audit_trail), so a writer can only append facts, never shape the chain.
 */
import type { AuditEntry, AuditSink } from '@hospital/service-kit';
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';

/**
 * An audit sink over a Prisma client: one multi-row INSERT per call. A row the same request already
 * recorded (same actor, action, patient, outcome and fields) is skipped by the unique index of the
 * migration 20261206130000_audit_once_per_request, without taking a seq.
 * @param prisma - a client of the hospital database
 */
export function createAuditLog(prisma: PrismaClient): AuditSink {
  return {
    async record(entries) {
      if (entries.length === 0) return;
      const rows = entries.map(
        (entry: AuditEntry) => Prisma.sql`(${entry.actorKind}, ${entry.actorId}, ${entry.actorRole}, ${entry.action}, ${entry.operation}, ${entry.resource},
          ${entry.patientId}::uuid, ${entry.fields}::text[], ${entry.outcome}, ${entry.reason}, ${entry.ip}, ${entry.userAgent}, ${entry.requestId}, 0, '', '')`,
      );
      await prisma.$executeRaw`INSERT INTO "audit"."access_log"
        ("actor_kind", "actor_id", "actor_role", "action", "operation", "resource", "patient_id", "fields", "outcome", "reason", "ip", "user_agent", "request_id", "seq", "prev_hash", "hash")
        VALUES ${Prisma.join(rows)}
        ON CONFLICT DO NOTHING`;
    },
  };
}
