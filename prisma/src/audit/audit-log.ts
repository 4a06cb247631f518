/**
 * Writing to the audit trail. Writers append to `audit.access_log_pending` (the database stamps
 * the time) and return; the database's sealer chains those rows into `audit.access_log`, setting
 * seq and hashes (migrations 20261206130200_audit_sealer and 20261206175000_audit_async_sealer),
 * so a writer can only append facts, never shape the chain.
 */
import pg from 'pg';
import { isSqlState, SQLSTATE, type AuditEntry, type AuditSink } from '@hospital/service-kit';
import type { PrismaClient } from '../generated/prisma/client.ts';
import { createBacklogGate, type BacklogGateOptions, type BacklogQuery } from './audit-backpressure.ts';
import { createWriteCombiner, type WriteCombinerOptions } from './write-combiner.ts';

/** Options of {@link createAuditLog}: the combiner's bounds and the backlog's limit. */
export type AuditLogOptions = WriteCombinerOptions & BacklogGateOptions;

/**
 * The append: 15 arrays unnested server-side, so the statement is the same whatever the row count.
 * Rows go in in array order (ORDER BY the ordinality), which {@link appendParameters} sorts by the
 * once-per-request key: every writer then takes that index's entries in the same order, so two
 * INSERTs sharing keys wait on each other at most one way, never in a cycle (40P01).
 */
const APPEND_SQL = `INSERT INTO "audit"."access_log_pending"
    ("actor_kind", "actor_id", "actor_role", "action", "operation", "resource", "patient_id", "fields", "outcome", "reason", "ip", "user_agent", "request_id", "app_id", "app_name")
  SELECT "actor_kind", "actor_id", "actor_role", "action", "operation", "resource", "patient_id"::uuid, "fields"::text[], "outcome", "reason", "ip", "user_agent", "request_id", "app_id", "app_name"
    FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::text[])
      WITH ORDINALITY AS u("actor_kind", "actor_id", "actor_role", "action", "operation", "resource", "patient_id", "fields", "outcome", "reason", "ip", "user_agent", "request_id", "app_id", "app_name", "ord")
    ORDER BY "ord"
  ON CONFLICT DO NOTHING`;

/**
 * An audit sink: ONE round trip per write, a multi-row INSERT into the pending table, without any
 * lock and without waiting for the seal. It resolves once the rows are committed, and so durable
 * (an ordinary synchronous commit: the audit rows of a read must survive a crash once its data
 * has left); the sealer chains them within its interval. Calls made while earlier INSERTs are in
 * flight are combined into one (see {@link createWriteCombiner}), so concurrent requests share a
 * statement and a WAL flush. A row the same request already recorded (same actor, action,
 * patient, outcome, fields and minute) is skipped, here or when sealed (migrations
 * 20261206130000_audit_once_per_request, 20261206130400_audit_once_per_minute).
 * The services write through a pg pool of their own ({@link startAuditTrail}): the same INSERT
 * through Prisma's raw-query path costs about five times the CPU (measured: 676 µs against
 * 138 µs of Node CPU per single-row statement).
 * Past `maxPending` rows not yet sealed, writes are refused (SERVICE_UNAVAILABLE, retry later)
 * until the sealer catches up, so the backlog stays bounded (see {@link createBacklogGate}).
 * @param target - a pg pool (the services' path) or a Prisma client of the hospital database
 * @param options - how many INSERTs may be in flight, how many rows one may carry, the backlog's limit
 */
export function createAuditLog(target: PrismaClient | pg.Pool, options: AuditLogOptions = {}): AuditSink {
  const append =
    target instanceof pg.Pool
      ? async (entries: readonly AuditEntry[]) => void (await target.query(APPEND_SQL, appendParameters(entries)))
      : (entries: readonly AuditEntry[]) => appendPending(target, entries);
  const query: BacklogQuery =
    target instanceof pg.Pool
      ? async (sql, params) => (await target.query(sql, params)).rows
      : (sql, params) => target.$queryRawUnsafe<Array<Record<string, unknown>>>(sql, ...params);
  const gate = createBacklogGate(query, options);
  const combiner = createWriteCombiner<AuditEntry>((entries) => retryOnceIfAborted(() => append(entries)), options);
  return {
    async record(entries) {
      if (entries.length === 0) return;
      await gate.admit();
      await combiner.write(entries);
    },
  };
}

/**
 * One INSERT of any number of entries through a Prisma client.
 * @param prisma - a client of the hospital database
 * @param entries - the rows to append
 */
export async function appendPending(prisma: PrismaClient, entries: readonly AuditEntry[]): Promise<void> {
  await prisma.$executeRawUnsafe(APPEND_SQL, ...appendParameters(entries));
}

/** The 15 column arrays of {@link APPEND_SQL}: the entries de-duplicated and sorted by their once-per-request key. */
function appendParameters(all: readonly AuditEntry[]): unknown[] {
  const entries = inKeyOrder(all);
  const column = <K extends keyof AuditEntry>(key: K) => entries.map((entry) => entry[key]);
  return [
    column('actorKind'),
    column('actorId'),
    column('actorRole'),
    column('action'),
    column('operation'),
    column('resource'),
    column('patientId'),
    entries.map((entry) => textArrayLiteral(entry.fields)),
    column('outcome'),
    column('reason'),
    column('ip'),
    column('userAgent'),
    column('requestId'),
    entries.map((entry) => entry.app?.clientId ?? null),
    entries.map((entry) => entry.app?.name ?? null),
  ];
}

/**
 * The entries sorted by the pending table's once-per-request key (request id, actor, action,
 * patient, outcome, fields; the minute is the database's and the same for one statement), each key
 * once. Any total order will do as long as every writer uses the same one.
 * @param entries - the rows of one INSERT, in the callers' order
 */
export function inKeyOrder(entries: readonly AuditEntry[]): AuditEntry[] {
  const byKey = new Map<string, AuditEntry>();
  for (const entry of entries) {
    const key = JSON.stringify([entry.requestId, entry.actorId ?? '', entry.action, entry.patientId?.toLowerCase() ?? '', entry.outcome, entry.fields]);
    if (!byKey.has(key)) byKey.set(key, entry);
  }
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, entry]) => entry);
}

/**
 * Runs an append, and once more should PostgreSQL abort it as a deadlock victim or a serialization
 * failure (the rows are sorted, so that should not happen; a writer of older code, or another
 * statement taking the same index entries, still could). A second failure is thrown: the kit
 * answers it UNAVAILABLE with a retry delay.
 * @param append - one INSERT
 */
async function retryOnceIfAborted(append: () => Promise<void>): Promise<void> {
  try {
    await append();
  } catch (error) {
    // PostgreSQL aborted the statement to break a cycle or a conflict.
    if (!isSqlState(error, SQLSTATE.deadlockDetected, SQLSTATE.serializationFailure)) throw error;
    await append();
  }
}

/**
 * A PostgreSQL array literal (`{"a","b"}`) of some strings: `fields` is itself an array, and unnest
 * of a two-dimensional array would flatten it, so each row's fields travel as one text.
 * @param values - field names
 */
function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * Chains pending rows (all of them, or at least those up to `through`); returns how many it took.
 * Readers call it first so that they see every access recorded so far, without waiting for the
 * sealer's next round.
 * @param prisma - a client of the hospital database
 * @param through - the last pending id that must be chained on return (default: all pending now)
 */
export async function sealPending(prisma: PrismaClient, through?: bigint): Promise<number> {
  const [row] = await prisma.$queryRaw<Array<{ sealed: bigint }>>`SELECT "audit"."seal_pending"(${through ?? null}::bigint) AS "sealed"`;
  return Number(row?.sealed ?? 0);
}
