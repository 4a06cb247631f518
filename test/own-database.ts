/**
 * A database of a test file's own, for tests that need empty tables or change what others read
 * (seeders, the outbox relay, audit writers): created and migrated in beforeAll, dropped in
 * afterAll, with a Prisma client on it as the services connect.
 */
import { createPrismaClient, type PrismaClient } from '@hospital/db';
import { createTestDatabase, type TestDatabase } from '@hospital/db/testing';
import { afterAll, beforeAll } from 'vitest';
import { testServerUrl } from './helpers.ts';

/** The database and its client; read them inside tests and hooks (they exist once beforeAll ran). */
export interface OwnDatabase {
  readonly database: TestDatabase;
  readonly db: PrismaClient;
}

/**
 * Registers the hooks that create and drop the database around the enclosing describe (or file).
 * @param options - poolSize: the client's connections (default 2)
 */
export function useOwnDatabase(options: { poolSize?: number } = {}): OwnDatabase {
  let database: TestDatabase | undefined;
  let db: PrismaClient | undefined;
  beforeAll(async () => {
    database = await createTestDatabase({ serverUrl: testServerUrl() });
    db = createPrismaClient(database.url, { poolSize: options.poolSize ?? 2 });
  });
  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });
  const created = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useOwnDatabase: read inside a test or hook, after beforeAll');
    return value;
  };
  return {
    get database() {
      return created(database);
    },
    get db() {
      return created(db);
    },
  };
}
