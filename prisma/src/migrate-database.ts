/**
 * Applies migrations by running the real Prisma CLI (`prisma migrate deploy`), so the
 * `_prisma_migrations` bookkeeping is Prisma's own and the native CLI can take over the same
 * database in production. prisma.config.ts routes the CLI through the wasm schema engine.
 */
import pg from 'pg';
import { runPrismaCli, type PrismaCliOptions } from './prisma-cli.ts';

/** Options for {@link migrateDatabase}. */
export type MigrateOptions = PrismaCliOptions;

/** What {@link migrateDatabase} did. */
export interface MigrationResult {
  /** Names of the migrations applied by this run, oldest first (empty when up to date). */
  applied: string[];
  /** The CLI's combined stdout and stderr. */
  output: string;
}

/** A migration failed or the CLI could not run; `output` holds what the CLI printed. */
export class MigrationError extends Error {
  /**
   * @param message - summary including the CLI output
   * @param output - the CLI's combined stdout and stderr
   */
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(message);
    this.name = 'MigrationError';
  }
}

/**
 * Applies every pending migration to the database (creating the database if it is missing).
 * A failing migration is rolled back as a whole (the engine runs each script in one implicit
 * transaction), recorded as failed in `_prisma_migrations`, and reported as a MigrationError.
 * @param databaseUrl - postgresql:// URL of the database to migrate
 * @param options - migrations folder and timeout
 */
export async function migrateDatabase(databaseUrl: string, options: MigrateOptions = {}): Promise<MigrationResult> {
  const before = await finishedMigrations(databaseUrl);
  const { code, output } = await runPrismaCli(['migrate', 'deploy'], databaseUrl, options).catch((error: unknown) => {
    throw new MigrationError(error instanceof Error ? error.message : String(error), '');
  });
  if (code !== 0) {
    throw new MigrationError(`prisma migrate deploy failed (exit ${code}):\n${output.trim()}`, output);
  }
  const after = await finishedMigrations(databaseUrl);
  return { applied: after.filter((name) => !before.includes(name)), output };
}

/** Names of successfully applied migrations; empty when the database or table does not exist. */
async function finishedMigrations(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    // 3D000 invalid_catalog_name: the CLI will create the database.
    if ((error as { code?: string }).code === '3D000') return [];
    throw error;
  }
  try {
    const exists = await client.query<{ t: string | null }>(`SELECT to_regclass('_prisma_migrations')::text AS t`);
    if (!exists.rows[0]?.t) return [];
    const rows = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM _prisma_migrations
        WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    return rows.rows.map((row) => row.migration_name);
  } finally {
    await client.end();
  }
}
