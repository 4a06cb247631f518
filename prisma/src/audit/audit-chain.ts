/**
 * Checking the audit trail's hash chain: every row's hash must be the SHA-256 of the previous row's
 * hash and its own content, and seq must run 1, 2, 3… without gaps. Altering a row breaks its own
 * hash; deleting one leaves a gap and breaks the next row's link; both are reported by seq.
 */
import { Prisma, type PrismaClient } from '../generated/prisma/client.ts';

/**
 * The hashed text of a row. Must stay identical to the trigger `audit.chain_access_record` and the
 * batch seal `audit.chain_batch` (migration 20261207120000_audit_acting_app; a test inserts through
 * them and verifies here). The app pair is appended only when set, so rows from before it hash as they did.
 */
const AUDIT_ROW_TEXT = Prisma.raw(`"prev_hash" || '|' || (jsonb_build_array(
    "seq", to_char("occurred_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    "actor_kind", "actor_id", "actor_role", "action", "operation", "resource",
    "patient_id", "fields", "outcome", "reason", "ip", "user_agent", "request_id"
  ) || CASE WHEN "app_id" IS NULL AND "app_name" IS NULL THEN '[]'::jsonb ELSE jsonb_build_array("app_id", "app_name") END)::text`);

/** Rows checked per round trip. */
const BATCH = 5_000;

/** What a verification found. */
export interface AuditChainReport {
  /** True when every row checks out. */
  ok: boolean;
  /** Rows checked. */
  rows: number;
  /** seq and hash of the last row checked (record it elsewhere to anchor the chain). */
  head: { seq: number; hash: string } | null;
  /** The first row that does not check out, and why. */
  brokenAt?: { seq: number; problem: 'content altered' | 'link broken' | 'row missing before this one' | 'differs from the anchor' | 'anchored row missing' };
}

/** A seq and hash noted outside the database earlier (the head a previous check printed). */
export interface AuditChainAnchor {
  seq: number;
  hash: string;
}

/**
 * Walks the whole chain in seq order. Someone able to switch the triggers off could rewrite the
 * chain from some row on, or cut its newest rows; an anchor noted outside the database catches
 * both: the row it names must still be there, with the same hash.
 * @param prisma - a client of the hospital database
 * @param anchor - a head printed by an earlier check, if one was kept
 */
export async function verifyAuditChain(prisma: PrismaClient, anchor?: AuditChainAnchor): Promise<AuditChainReport> {
  let expectedSeq = 1n;
  let previousHash = '';
  let rows = 0;
  let head: AuditChainReport['head'] = null;
  for (;;) {
    const batch = await prisma.$queryRaw<Array<{ seq: bigint; prev_hash: string; hash: string; recomputed: string }>>`
      SELECT "seq", "prev_hash", "hash", encode(sha256(convert_to(${AUDIT_ROW_TEXT}, 'UTF8')), 'hex') AS "recomputed"
      FROM "audit"."access_log" WHERE "seq" >= ${expectedSeq} ORDER BY "seq" LIMIT ${BATCH}`;
    for (const row of batch) {
      const seq = Number(row.seq);
      if (row.seq !== expectedSeq) return { ok: false, rows, head, brokenAt: { seq, problem: 'row missing before this one' } };
      if (row.prev_hash !== previousHash) return { ok: false, rows, head, brokenAt: { seq, problem: 'link broken' } };
      if (row.recomputed !== row.hash) return { ok: false, rows, head, brokenAt: { seq, problem: 'content altered' } };
      if (anchor && seq === anchor.seq && row.hash !== anchor.hash) return { ok: false, rows, head, brokenAt: { seq, problem: 'differs from the anchor' } };
      rows += 1;
      head = { seq, hash: row.hash };
      previousHash = row.hash;
      expectedSeq += 1n;
    }
    if (batch.length < BATCH) {
      if (anchor && (head?.seq ?? 0) < anchor.seq) return { ok: false, rows, head, brokenAt: { seq: anchor.seq, problem: 'anchored row missing' } };
      return { ok: true, rows, head };
    }
  }
}
