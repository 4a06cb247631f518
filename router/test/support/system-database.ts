/**
 * A file of end-to-end tests through one whole system: started before the file (on the run's
 * database unless the file passes its own) and closed after it, optionally with a Prisma client
 * of the run's database beside it.
 */
import { harnessForFile } from '@hospital/service-kit/testing';
import type { PrismaClient } from '@hospital/db';
import { startTestSystem, type TestSystem } from '@hospital/test-support/system';
import { testDatabaseUrl } from '../../../test/helpers.ts';
import { useSharedDatabase } from '../../../test/shared-database.ts';

/** What startTestSystem takes besides the database (persisted operations, abuse limits, origins …). */
export type SystemOptions = Parameters<typeof startTestSystem>[1];

/** How long the whole system may take to start (longer than a plain hook on a busy machine). */
export const SYSTEM_START_TIMEOUT_MS = 120_000;

/**
 * Registers the file's hooks; `started` hands the system to the file before any of its own
 * `beforeAll` (declared after this call) runs, and its own `afterAll` hooks run before the system
 * closes (vitest runs after-hooks in reverse order).
 * @param started - receives the running system
 * @param options - the file's system settings
 * @param databaseUrl - the database to start it on (default: the run's), read when the hook runs
 */
export function systemForFile(started: (system: TestSystem) => void, options?: SystemOptions, databaseUrl: () => string = testDatabaseUrl): void {
  harnessForFile(async () => {
    const system = await startTestSystem(databaseUrl(), options);
    started(system);
    return system;
  }, SYSTEM_START_TIMEOUT_MS);
}

/**
 * {@link systemForFile} with a Prisma client of the run's database (test/shared-database.ts),
 * connected before the system starts and disconnected after it closes.
 * @param started - receives the running system and the database client
 * @param poolSize - the client's connections
 */
export function systemWithDatabase(started: (running: { system: TestSystem; db: PrismaClient }) => void, poolSize: number): void {
  const shared = useSharedDatabase({ poolSize });
  systemForFile((system) => started({ system, db: shared.db }));
}
