/**
 * A database of a test file's own, for tests that need empty tables or change what others read
 * (seeders, the outbox relay, audit writers): created and migrated in beforeAll, dropped in
 * afterAll, with a Prisma client on it as the services connect (or bare, for tests of migrations).
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
  // Its hooks are registered first, so the client connects after the database exists and ends before it is dropped.
  const own = useBareDatabase();
  let db: PrismaClient | undefined;
  beforeAll(() => {
    db = createPrismaClient(own.database.url, { poolSize: options.poolSize ?? 2 });
  });
  afterAll(async () => {
    await db?.$disconnect();
  });
  return {
    get database() {
      return own.database;
    },
    get db() {
      if (db === undefined) throw new Error('useOwnDatabase: read inside a test or hook, after beforeAll');
      return db;
    },
  };
}

/**
 * Registers the hooks that create and drop a database of the file's own, without a client, around
 * the enclosing describe (or file). Read `database` inside tests and hooks.
 * @param options - skipMigrations: leave it empty, for tests that migrate it themselves
 */
export function useBareDatabase(options: { skipMigrations?: boolean } = {}): { readonly database: TestDatabase } {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase({ serverUrl: testServerUrl(), ...options });
  });
  afterAll(async () => {
    await database?.drop();
  });
  return {
    get database() {
      if (database === undefined) throw new Error('useBareDatabase: read inside a test or hook, after beforeAll');
      return database;
    },
  };
}
