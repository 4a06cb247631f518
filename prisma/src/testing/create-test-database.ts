/**
 * A fresh, migrated database per test run (or per test file that must not share), on whichever
 * PostgreSQL is at hand: the one named by the caller, the local default server, or an embedded
 * server started just for it.
 */
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../embedded-postgres.ts';
import { databaseUrlFor, dropDatabase, ensureDatabase } from '../ensure-database.ts';
import { migrateDatabase } from '../migrate-database.ts';
import { databaseUrlAs, dropServiceRole, ensureServiceRole } from '../service-role.ts';
import { freePort } from '@hospital/service-kit';

/** The server tried when the caller names none (trust auth, as in CI and on dev machines). */
export const DEFAULT_TEST_SERVER_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Options for {@link createTestDatabase}. */
export interface TestDatabaseOptions {
  /** Server to create the database on (e.g. TEST_DATABASE_URL); its database part is ignored. */
  serverUrl?: string;
  /** Skip `migrateDatabase` (for tests of migrations themselves). Default false. */
  skipMigrations?: boolean;
}

/** A throw-away database. */
export interface TestDatabase {
  /**
   * URL of the new database as the services connect: a login role of its own (`<name>_svc`,
   * member of hospital_app), so tests exercise the least privilege production has.
   */
  url: string;
  /** URL of the new database as its owner, who migrates (and may tamper, in tests that must). */
  ownerUrl: string;
  /** Drops the database and its role (and stops the embedded server if one was started for it). */
  drop(): Promise<void>;
}

/** True when a server answers a trivial query within the time limit. */
async function answers(serverUrl: string, timeoutMs: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: timeoutMs });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Starts an embedded server in a temp dir; returns its URL and a cleanup that removes it all. */
async function startTemporaryServer(): Promise<{ serverUrl: string; stop(): Promise<void> }> {
  const root = await mkdtemp(path.join(tmpdir(), 'hospital-pg-'));
  // As root the server runs as the postgres user, which must be able to enter the temp dir.
  await chmod(root, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(root, 'data'), port: await freePort(), databaseName: 'postgres' });
  return {
    serverUrl: server.serverUrl,
    stop: async () => {
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * Creates and migrates a database named `hospital_test_<random>`, with a service role for it.
 * @param options - which server to use; see {@link TestDatabaseOptions}
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  let serverUrl = options.serverUrl;
  let stopServer = async () => {};
  if (!serverUrl) {
    if (await answers(DEFAULT_TEST_SERVER_URL, 1_000)) {
      serverUrl = DEFAULT_TEST_SERVER_URL;
    } else {
      const server = await startTemporaryServer();
      serverUrl = server.serverUrl;
      stopServer = server.stop;
    }
  }
  const maintenanceUrl = databaseUrlFor(serverUrl, 'postgres');
  const name = `hospital_test_${randomBytes(6).toString('hex')}`;

  // A role per database: parallel runs on one server never reset each other's password.
  const role = `${name}_svc`;
  const password = randomBytes(18).toString('base64url');
  const drop = async () => {
    try {
      await dropDatabase(maintenanceUrl, name);
      await dropServiceRole(maintenanceUrl, role);
    } finally {
      await stopServer();
    }
  };
  try {
    const ownerUrl = await ensureDatabase(maintenanceUrl, name);
    if (!options.skipMigrations) await migrateDatabase(ownerUrl);
    await ensureServiceRole(maintenanceUrl, role, password);
    return { url: databaseUrlAs(ownerUrl, role, password), ownerUrl, drop };
  } catch (error) {
    await drop().catch(() => undefined);
    // 42501: the services' role (testDatabaseUrl()) may not create databases; its owner may.
    if ((error as { code?: string }).code === '42501') {
      throw new Error(`Cannot create a test database as this role; pass the owner's URL (testServerUrl() in tests): ${(error as Error).message}`, { cause: error });
    }
    throw error;
  }
}
