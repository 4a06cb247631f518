/**
 * The one place a Prisma client is built. Prisma 7 has no query engine binary: queries go
 * through the pg driver adapter, so the pool is ours to size.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { meterPool, tracePool } from '@hospital/service-kit';
import { PrismaClient, type Prisma } from './generated/prisma/client.ts';

/** Options for {@link createPrismaClient}. */
export interface CreatePrismaClientOptions {
  /**
   * Maximum connections in the pg pool (default 10). Each service process gets its own pool,
   * so keep the sum across processes under the server's max_connections.
   */
  poolSize?: number;
  /** How long to wait for a free connection before failing a query, in ms (default 10 000). */
  connectionTimeoutMs?: number;
  /** The `pool` label of its database metrics (db_query_seconds, db_pool_*); default `prisma`. */
  poolName?: string;
}

/**
 * Creates a Prisma client over a pg pool. Connections open lazily; call `$disconnect()` on
 * shutdown to close the pool.
 * @param databaseUrl - postgresql:// URL of the hospital database
 * @param options - pool tuning
 */
export function createPrismaClient(databaseUrl: string, options: CreatePrismaClientOptions = {}): PrismaClient {
  // Our own pool (the adapter ends it on $disconnect), so its queries and saturation are metered.
  // …and traced: one span per statement while a request's span is current (tracing on only).
  const pool = tracePool(
    meterPool(new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 10, connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000 }), options.poolName),
    options.poolName,
  );
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return new PrismaClient({ adapter });
}

export { PrismaClient, Prisma, Role, Sex } from './generated/prisma/client.ts';
export type { User, RefreshToken, Patient, ClientApp } from './generated/prisma/client.ts';

/**
 * What repositories take: the client itself or the client inside `$transaction(async (tx) => …)`,
 * so one repository method can join a caller's transaction.
 */
export type DbClient = PrismaClient | Prisma.TransactionClient;
