/**
 * A throw-away database for audit-trail tests: a Prisma client as the services connect, and a
 * client as the owner, who alone may switch the append-only guard off (to play the tamperer).
 */
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { testServerUrl } from '../../../../test/helpers.ts';
import { createPrismaClient, type PrismaClient } from '../../prisma-client.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/index.ts';

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
  let db: TestDatabase | undefined;
  let prisma: PrismaClient | undefined;
  let owner: pg.Client | undefined;
  beforeAll(async () => {
    db = await createTestDatabase({ serverUrl: testServerUrl() });
    prisma = createPrismaClient(db.url, { poolSize: options.poolSize ?? 2 });
    owner = new pg.Client({ connectionString: db.ownerUrl });
    await owner.connect();
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await owner?.end();
    await db?.drop();
  });
  const created = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useAuditTestDatabase: read inside a test or hook, after beforeAll');
    return value;
  };
  return {
    get db() {
      return created(db);
    },
    get prisma() {
      return created(prisma);
    },
    get owner() {
      return created(owner);
    },
    async tamper(...statements) {
      const client = created(owner);
      await client.query('ALTER TABLE audit.access_log DISABLE TRIGGER access_log_append_only');
      try {
        for (const statement of statements) await client.query(statement);
      } finally {
        await client.query('ALTER TABLE audit.access_log ENABLE TRIGGER access_log_append_only');
      }
    },
  };
}
