/**
 * Drift check: do the migrations produce exactly what the Prisma schema describes? A
 * hand-edited migration (sequence, CHECK, expression indexes) must not leave Prisma wanting to
 * "fix" the database in the next `migrate dev`.
 */
import path from 'node:path';
import { runPrismaCli, type PrismaCliOptions } from './prisma-cli.ts';

/** Outcome of {@link checkSchemaDrift}. */
export interface SchemaDriftResult {
  /** True when replaying the migrations yields the schema exactly. */
  inSync: boolean;
  /** The CLI output; when out of sync, the SQL that would bring the migrations up to the schema. */
  output: string;
}

/**
 * Replays the migrations into a temporary shadow database and diffs it against the Prisma
 * schema (`prisma migrate diff --from-migrations … --to-schema … --exit-code`).
 * @param serverDatabaseUrl - a database on the server that hosts the temporary shadow database
 *   (needs CREATEDB); the database itself is not read or changed
 * @param options - migrations folder and timeout
 */
export async function checkSchemaDrift(serverDatabaseUrl: string, options: PrismaCliOptions = {}): Promise<SchemaDriftResult> {
  const migrations = options.migrationsDir ? path.resolve(options.migrationsDir) : 'migrations';
  const args = ['migrate', 'diff', '--from-migrations', migrations, '--to-schema', 'schema', '--script', '--exit-code'];
  const { code, output } = await runPrismaCli(args, serverDatabaseUrl, options);
  // --exit-code: 0 = empty diff, 2 = changes, anything else = the diff itself failed.
  if (code === 0 || code === 2) return { inSync: code === 0, output };
  throw new Error(`prisma migrate diff failed (exit ${code}):\n${output.trim()}`);
}
