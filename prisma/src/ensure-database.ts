/**
 * Database-level housekeeping on a PostgreSQL server: create or drop whole databases.
 * Uses plain pg (not Prisma) because CREATE/DROP DATABASE cannot run inside a transaction and
 * must be issued from a connection to another database.
 */
import pg from 'pg';

/** Database names we accept: what CREATE DATABASE takes unquoted, so URLs never need escaping. */
const SAFE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function assertSafeName(name: string): void {
  if (!SAFE_NAME.test(name)) throw new Error(`Invalid database name "${name}": use [a-z0-9_], at most 63 characters`);
}

/**
 * Returns the URL of another database on the same server (same credentials and query options).
 * @param serverUrl - any postgresql:// URL on the server
 * @param name - the database name
 */
export function databaseUrlFor(serverUrl: string, name: string): string {
  assertSafeName(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Runs `work` on a short-lived connection to the server's maintenance database.
 * The URL's own database is used when it names one; otherwise pg connects to the user's database
 * (`postgres` for the postgres user).
 */
async function withServerConnection<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates a database unless it exists; safe to call concurrently.
 * @param serverUrl - postgresql:// URL of the server (its database part is only used to connect)
 * @param name - the database to ensure
 * @returns the URL of that database
 */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const databaseUrl = databaseUrlFor(serverUrl, name);
  await withServerConnection(serverUrl, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return;
    try {
      await client.query(`CREATE DATABASE "${name}"`);
    } catch (error) {
      // 42P04 duplicate_database: someone else created it between our check and CREATE.
      if ((error as { code?: string }).code !== '42P04') throw error;
    }
  });
  return databaseUrl;
}

/**
 * Drops a database if it exists, first ending any connections still open on it (a test's pool
 * that was not closed must not keep its database alive).
 * @param serverUrl - postgresql:// URL of the server, not of the database being dropped
 * @param name - the database to drop
 */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  assertSafeName(name);
  await withServerConnection(serverUrl, async (client) => {
    await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
    // WITH (FORCE) (PostgreSQL 13+) covers a connection that arrives after the terminate.
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}
