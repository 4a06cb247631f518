/**
 * A Prisma client on the run's shared database (testDatabaseUrl), as the services connect, for
 * test files that read or write rows directly beside a repository or harness: connected in
 * beforeAll, disconnected in afterAll. Tests sharing it must create what they read.
 */
import { createPrismaClient, type PrismaClient } from '@hospital/db';
import { afterAll, beforeAll } from 'vitest';
import { testDatabaseUrl } from './helpers.ts';

/** The client; read it inside tests and hooks (it exists once beforeAll ran). */
export interface SharedDatabase {
  readonly db: PrismaClient;
}

/**
 * Registers the hooks that connect and disconnect the client around the enclosing describe (or file).
 * @param options - poolSize: the client's connections
 */
export function useSharedDatabase(options: { poolSize: number }): SharedDatabase {
  let db: PrismaClient | undefined;
  beforeAll(() => {
    db = createPrismaClient(testDatabaseUrl(), { poolSize: options.poolSize });
  });
  afterAll(async () => {
    await db?.$disconnect();
  });
  return {
    get db() {
      if (db === undefined) throw new Error('useSharedDatabase: read inside a test or hook, after beforeAll');
      return db;
    },
  };
}
