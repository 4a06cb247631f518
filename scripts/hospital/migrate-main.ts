/**
 * `hospital migrate`: applies every pending migration (Prisma's `migrate deploy` through the wasm
 * schema engine) to MIGRATION_DATABASE_URL, or DATABASE_URL when that is unset. Safe to run twice:
 * applied migrations are skipped. Exit 0 when the database is up to date, 1 when a migration fails.
 */
import { z } from 'zod';
import { createLogger, loadConfigOrExit, logEnv, parseEnv } from '@hospital/service-kit';
import { migrateDatabase } from '@hospital/db';

const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgresql:// URL');
const schema = z.object({ ...logEnv, DATABASE_URL: postgresUrl.optional(), MIGRATION_DATABASE_URL: postgresUrl.optional() });
const { env } = loadConfigOrExit({ env: () => parseEnv(schema, process.env) });
const logger = createLogger('migrate', env.LOG_LEVEL);
const url = env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL;
if (!url) {
  console.error('migrate: set MIGRATION_DATABASE_URL (the schema owner) or DATABASE_URL');
  process.exit(1);
}
try {
  const result = await migrateDatabase(url);
  logger.info({ applied: result.applied }, result.applied.length ? 'migrations applied' : 'database already up to date');
} catch (error) {
  logger.error({ err: error }, 'migration failed');
  process.exitCode = 1;
}
