/**
 * A bulk load into empty tables without maintaining their indexes row by row: the tables' indexes,
 * primary/unique/exclusion constraints and foreign keys (their own and those pointing at them) are
 * read from the catalog, dropped, the load runs, and each is created again from its own definition
 * — one sorted build per index instead of a million random inserts, one join per foreign key
 * instead of a probe per row. Everything runs in ONE transaction: a failed load or a row that
 * breaks a constraint rolls back to the tables as they were, constraints and all. Tables that
 * already hold rows are loaded with their constraints on (a rebuild would cost more than it saves).
 */
import type pg from 'pg';

/** One index or constraint as the catalog defines it. */
interface Definition {
  kind: 'index' | 'constraint' | 'foreign key';
  table: string;
  name: string;
  sql: string;
}

const DEFINITIONS = `
  SELECT 'constraint' AS kind, conrelid::regclass::text AS table, quote_ident(conname) AS name, pg_get_constraintdef(oid) AS sql
    FROM pg_constraint WHERE conrelid = ANY($1::regclass[]) AND contype IN ('p', 'u', 'x')
  UNION ALL
  SELECT 'foreign key', conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid)
    FROM pg_constraint WHERE contype = 'f' AND (conrelid = ANY($1::regclass[]) OR confrelid = ANY($1::regclass[]))
  UNION ALL
  SELECT 'index', i.indrelid::regclass::text, i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
    FROM pg_index i
   WHERE i.indrelid = ANY($1::regclass[])
     AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x'))
   ORDER BY 1, 2, 3`;

async function definitions(client: pg.Client, tables: readonly string[]): Promise<Definition[]> {
  return (await client.query<Definition>(DEFINITIONS, [tables])).rows;
}

async function isEmpty(client: pg.Client, table: string): Promise<boolean> {
  return (await client.query(`SELECT 1 FROM ${table} LIMIT 1`)).rowCount === 0;
}

/** Drop order: foreign keys first (they hold on to the primary keys), indexes last. */
const DROP_ORDER: Definition['kind'][] = ['foreign key', 'constraint', 'index'];
/** Build order: primary keys before the foreign keys that need them. */
const BUILD_ORDER: Definition['kind'][] = ['constraint', 'index', 'foreign key'];

const ofKind = (all: readonly Definition[], kind: Definition['kind']) => all.filter((d) => d.kind === kind);

/**
 * Runs `load` with the tables' indexes and constraints dropped when every table is empty, and
 * builds them again before committing; with them on otherwise. Throws (and rolls back) if the
 * rebuilt definitions differ from the ones read, or if a row breaks one of them.
 * @param client - a connection of the tables' owner, outside any transaction
 * @param tables - qualified table names, e.g. 'appointments.appointments'
 * @param load - the statements that fill them (on the same client)
 * @param log - progress lines
 */
export async function loadWithDeferredIndexes(
  client: pg.Client,
  tables: readonly string[],
  load: () => Promise<void>,
  log: (message: string) => void = () => undefined,
): Promise<{ indexes: 'deferred' | 'kept'; buildSeconds: number }> {
  let fresh = true;
  for (const table of tables) fresh &&= await isEmpty(client, table);
  if (!fresh) {
    await load();
    return { indexes: 'kept', buildSeconds: 0 };
  }
  await client.query('BEGIN');
  try {
    const before = await definitions(client, tables);
    for (const kind of DROP_ORDER) {
      for (const d of ofKind(before, kind)) await client.query(kind === 'index' ? `DROP INDEX ${d.name}` : `ALTER TABLE ${d.table} DROP CONSTRAINT ${d.name}`);
    }
    await load();
    const building = performance.now();
    for (const kind of BUILD_ORDER) {
      const started = performance.now();
      for (const d of ofKind(before, kind)) await client.query(kind === 'index' ? d.sql : `ALTER TABLE ${d.table} ADD CONSTRAINT ${d.name} ${d.sql}`);
      log(`built ${ofKind(before, kind).length} ${kind === 'index' ? 'indexes' : `${kind}s`}: ${Math.round((performance.now() - started) / 100) / 10} s`);
    }
    const after = await definitions(client, tables);
    if (JSON.stringify(after) !== JSON.stringify(before))
      throw new Error(`rebuilt indexes and constraints differ from the schema's:\n${JSON.stringify(before)}\n${JSON.stringify(after)}`);
    await client.query('COMMIT');
    return { indexes: 'deferred', buildSeconds: Math.round((performance.now() - building) / 100) / 10 };
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
