/**
 * A throw-away database for audit-trail tests: a test file's own database (useOwnDatabase) with its
 * Prisma client as the services connect, plus a client as the owner, who alone may switch the
 * append-only guard off (to play the tamperer).
 */
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { useOwnDatabase } from '../../../../test/own-database.ts';
import type { PrismaClient } from '../../prisma-client.ts';
import type { TestDatabase } from '../../testing/index.ts';

/** The database and its clients; read them inside tests and hooks (they exist once beforeAll ran). */
export interface AuditTestDatabase {
  readonly db: TestDatabase;
  readonly prisma: PrismaClient;
  readonly owner: pg.Client;
  /** Runs statements as the owner with the append-only guard off, as only the owner could. */
  tamper(...statements: string[]): Promise<void>;
}

/**
 * Registers the hooks that create the database and connect both clients around the enclosing
 * describe, and that close and drop them after it.
 * @param options - poolSize: the Prisma client's connections (default 2)
 */
export function useAuditTestDatabase(options: { poolSize?: number } = {}): AuditTestDatabase {
  // Its hooks are registered first, so the owner connects after the database exists and ends before it is dropped.
  const own = useOwnDatabase(options);
  let owner: pg.Client | undefined;
  beforeAll(async () => {
    owner = new pg.Client({ connectionString: own.database.ownerUrl });
    await owner.connect();
  });
  afterAll(async () => {
    await owner?.end();
  });
  const connected = (): pg.Client => {
    if (owner === undefined) throw new Error('useAuditTestDatabase: read inside a test or hook, after beforeAll');
    return owner;
  };
  return {
    get db() {
      return own.database;
    },
    get prisma() {
      return own.db;
    },
    get owner() {
      return connected();
    },
    async tamper(...statements) {
      const client = connected();
      await client.query('ALTER TABLE audit.access_log DISABLE TRIGGER access_log_append_only');
      try {
        for (const statement of statements) await client.query(statement);
      } finally {
        await client.query('ALTER TABLE audit.access_log ENABLE TRIGGER access_log_append_only');
      }
    },
  };
}
