/**
 * A file of end-to-end tests that reads the database behind the router: one whole system started
 * before the file and a Prisma client of the run's database, the client disconnected and the
 * system closed after it.
 */
import { afterAll, beforeAll } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@hospital/db';
import { startTestSystem, type TestSystem } from '@hospital/test-support/system';
import { testDatabaseUrl } from '../../../test/helpers.ts';

/**
 * Registers the file's hooks; `started` hands the system and the client to the file before any
 * of its own `beforeAll` (declared after this call) runs.
 * @param started - receives the running system and the database client
 * @param poolSize - the client's connections
 */
export function systemWithDatabase(started: (running: { system: TestSystem; db: PrismaClient }) => void, poolSize?: number): void {
  let system: TestSystem | undefined;
  let db: PrismaClient | undefined;
  beforeAll(async () => {
    system = await startTestSystem(testDatabaseUrl());
    db = createPrismaClient(testDatabaseUrl(), poolSize === undefined ? undefined : { poolSize });
    started({ system, db });
  }, 120_000);
  afterAll(async () => {
    await db?.$disconnect();
    await system?.close();
  });
}
