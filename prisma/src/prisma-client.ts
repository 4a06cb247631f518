/**
 * The one place a Prisma client is built. Prisma 7 has no query engine binary: queries go
 * through the pg driver adapter, so the pool is ours to size.
 */
import { PrismaPg } from '@prisma/adapter-pg';
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
}

/**
 * Creates a Prisma client over a pg pool. Connections open lazily; call `$disconnect()` on
 * shutdown to close the pool.
 * @param databaseUrl - postgresql:// URL of the hospital database
 * @param options - pool tuning
 */
export function createPrismaClient(databaseUrl: string, options: CreatePrismaClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 10_000,
  });
  return new PrismaClient({ adapter });
}

export { PrismaClient, Prisma, Role, Sex } from './generated/prisma/client.ts';
export type { User, RefreshToken, Patient } from './generated/prisma/client.ts';

/**
 * What repositories take: the client itself or the client inside `$transaction(async (tx) => …)`,
 * so one repository method can join a caller's transaction.
 */
export type DbClient = PrismaClient | Prisma.TransactionClient;
