/**
 * The relay's OutboxStore (service kit, outbox-relay.ts) for any department's outbox table:
 * appointments.outbox_events (keyed by appointment_id), clinical.outbox_events (keyed by
 * patient_id). Every outbox table has the same columns (id, sequence, type, payload, occurred_at,
 * published_at, trace_parent) and its own key column, and the partial index on unpublished rows.
 */
import type { OutboxRow, OutboxStore } from '@hospital/service-kit/kafka';
import { Prisma, type PrismaClient } from '../prisma-client.ts';

/** Which table: schema, table and the key column (whose events stay in order). */
export interface OutboxTable {
  schema: string;
  table: string;
  keyColumn: string;
}

/** The appointments outbox. */
export const APPOINTMENTS_OUTBOX: OutboxTable = { schema: 'appointments', table: 'outbox_events', keyColumn: 'appointment_id' };
/** The clinical outbox. */
export const CLINICAL_OUTBOX: OutboxTable = { schema: 'clinical', table: 'outbox_events', keyColumn: 'patient_id' };

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** A quoted identifier; only plain lower-case names are taken (they are spliced into SQL). */
function identifier(name: string): Prisma.Sql {
  if (!IDENTIFIER.test(name)) throw new Error(`outbox table: ${JSON.stringify(name)} is not a plain identifier`);
  return Prisma.raw(`"${name}"`);
}

/**
 * The table as SQL (`"schema"."table"`), its names checked.
 * @param table - the outbox table
 */
export function outboxTableSql(table: OutboxTable): Prisma.Sql {
  return Prisma.sql`${identifier(table.schema)}.${identifier(table.table)}`;
}

interface Row {
  id: string;
  sequence: bigint;
  key: string;
  type: string;
  payload: unknown;
  trace_parent: string | null;
}

/** An outbox table read and marked by the relay through Prisma. */
export class PrismaOutboxStore implements OutboxStore {
  private readonly table: Prisma.Sql;
  private readonly key: Prisma.Sql;

  /**
   * @param db - the Prisma client
   * @param table - the outbox table
   */
  constructor(
    private readonly db: PrismaClient,
    table: OutboxTable,
  ) {
    this.table = outboxTableSql(table);
    this.key = identifier(table.keyColumn);
  }

  relayBatch(limit: number, publish: (rows: readonly OutboxRow[]) => Promise<void>): Promise<number> {
    const { table, key } = this;
    return this.db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<Row[]>`
          SELECT id::text AS id, sequence, ${key}::text AS key, type, payload, trace_parent
            FROM ${table}
           WHERE published_at IS NULL
           ORDER BY sequence
           LIMIT ${limit}
             FOR UPDATE SKIP LOCKED`;
        if (rows.length === 0) return 0;
        // Another relay may hold an earlier row of the same key (we skipped its lock): shipping
        // ours first would reorder that key's events, so leave them for later.
        const blocked = await tx.$queryRaw<{ key: string }[]>`
          SELECT DISTINCT o.${key}::text AS key
            FROM ${table} o
            JOIN unnest(${rows.map((r) => r.key)}::uuid[], ${rows.map((r) => r.sequence.toString())}::bigint[]) AS mine(key, sequence)
              ON mine.key = o.${key}
           WHERE o.published_at IS NULL
             AND o.sequence < mine.sequence
             AND o.id <> ALL(${rows.map((r) => r.id)}::uuid[])`;
        const skip = new Set(blocked.map((b) => b.key));
        const ready = rows.filter((r) => !skip.has(r.key));
        if (ready.length === 0) return 0;
        // Throws unless every message was acknowledged: the transaction then rolls back.
        await publish(ready.map(({ trace_parent, ...row }) => ({ ...row, traceParent: trace_parent })));
        await tx.$executeRaw`UPDATE ${table} SET published_at = now() WHERE id = ANY(${ready.map((r) => r.id)}::uuid[])`;
        return ready.length;
      },
      // The publish retries for a while when the broker is away; the transaction must outlive those
      // retries, or a late ack would find its rows rolled back and ship them a second time.
      { maxWait: 10_000, timeout: 120_000 },
    );
  }
}
