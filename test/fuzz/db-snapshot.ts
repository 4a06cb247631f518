/**
 * A fingerprint of every department table (row count and an md5 over the rows), to prove that a
 * rejected write left the database exactly as it was.
 */
import pg from 'pg';
import { DEPARTMENT_NAMES } from '@hospital/grpc-contracts/departments';

/** Department schemas: one per department of the table, named as the department. */
export const DEPARTMENT_SCHEMAS: readonly string[] = DEPARTMENT_NAMES;

/**
 * Tables that background workers write on their own schedule, whatever the request in flight:
 * the appointments and clinical outbox relays mark rows shipped, and the notifications consumer records the
 * events it receives and its delivery attempts. They are left out of the fingerprint.
 */
export const BACKGROUND_TABLES: ReadonlySet<string> = new Set([
  'appointments.outbox_events',
  'appointments.event_deliveries',
  'clinical.outbox_events',
  'notifications.received_events',
  'notifications.deliveries',
  'notifications.delivery_attempts',
  'notifications.notifications',
  // Not a background table: a refused sign-in counts itself here on purpose (login throttling).
  'identity.login_throttles',
]);

/** Table name → "count:md5". */
export type Fingerprint = Record<string, string>;

/** Fingerprints the department tables of one database. */
export interface DbFingerprinter {
  /** The current fingerprint of every table (minus {@link BACKGROUND_TABLES}). */
  take(): Promise<Fingerprint>;
  /**
   * The tables whose fingerprint differs.
   * @param before - an earlier fingerprint
   * @param after - a later one
   */
  diff(before: Fingerprint, after: Fingerprint): string[];
  close(): Promise<void>;
}

/**
 * Opens a fingerprinter; the table list is read once (tables added by later migrations are
 * picked up automatically).
 * @param databaseUrl - the database the system under test uses
 */
export async function openDbFingerprinter(databaseUrl: string): Promise<DbFingerprinter> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const { rows } = await pool.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE' AND table_schema = ANY($1) ORDER BY 1, 2`,
    [DEPARTMENT_SCHEMAS],
  );
  const tables = rows.map((r) => `${r.schema}.${r.name}`).filter((t) => !BACKGROUND_TABLES.has(t));
  if (tables.length === 0) throw new Error('no department tables found');
  const quote = (t: string) =>
    t
      .split('.')
      .map((part) => `"${part.replace(/"/g, '""')}"`)
      .join('.');
  // One statement: every table's count and an order-independent digest of its rows.
  const sql = tables
    .map((t, i) => `SELECT ${i} AS i, count(*)::text || ':' || coalesce(md5(string_agg(md5(r::text), '' ORDER BY md5(r::text))), '') AS f FROM ${quote(t)} r`)
    .join(' UNION ALL ');
  return {
    async take() {
      const result = await pool.query<{ i: number; f: string }>(sql);
      return Object.fromEntries(result.rows.map((r) => [tables[r.i]!, r.f]));
    },
    diff(before, after) {
      return tables.filter((t) => before[t] !== after[t]);
    },
    close: () => pool.end(),
  };
}
