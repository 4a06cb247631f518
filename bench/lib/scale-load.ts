/**
 * Closed-loop load for the at-scale scenarios (dashboard, search): N workers each send their next
 * request as soon as the previous answer arrives, for a fixed time; variants take turns in short
 * phases (interleaved), so the machine's noise falls on all of them alike.
 */
import http from 'node:http';
import pg from 'pg';
import { createPrismaClient, type Prisma, type PrismaClient } from '@hospital/db';
import { startTestSystem, type TestSystem } from '@hospital/test-support/system';
import { latencySummary } from './stats.ts';

/** The router and its bare-SQL floor over one database, as the at-scale scenarios compare them. */
export interface RouterAndFloor {
  /** The test system, as in production, with rate limits far above the load. */
  system: TestSystem;
  /** The floor's pg pool (20 connections). */
  pool: pg.Pool;
  /** A Prisma client for the floor's audit INSERTs (10 connections). */
  auditDb: PrismaClient;
  /** Closes the pool, the client and the system, then drops the database. */
  close(): Promise<void>;
}

/**
 * Starts the system and opens the floor's connections on a database.
 * @param database - its URL as the services connect, and how to drop it (on close)
 */
export async function startRouterAndFloor(database: { url: string; drop(): Promise<void> }): Promise<RouterAndFloor> {
  const system = await startTestSystem(database.url, { kafka: false, production: true, abuseLimits: { rateLimits: { perUser: 1e9, perIp: 1e9 } } });
  // 20 connections for the floor, not 50: the server's connections are shared with the services (and other people's tests).
  const pool = new pg.Pool({ connectionString: database.url, max: 20 });
  const auditDb = createPrismaClient(database.url, { poolSize: 10 });
  const close = async () => {
    await pool.end();
    await auditDb.$disconnect();
    await system.close();
    await database.drop();
  };
  return { system, pool, auditDb, close };
}

/** What one closed-loop phase measured. */
export interface LoadSample {
  latencies: number[];
  errors: number;
  seconds: number;
  firstError?: string;
}

/**
 * Runs `connections` workers for `seconds`, each calling `call(i)` with a running request number.
 * @param connections - concurrent workers
 * @param seconds - how long
 * @param call - one request; throws on a failed answer
 */
export async function closedLoop(connections: number, seconds: number, call: (i: number) => Promise<void>): Promise<LoadSample> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        const at = performance.now();
        try {
          await call(next++);
          latencies.push(performance.now() - at);
        } catch (error) {
          errors += 1;
          firstError ??= error instanceof Error ? error.message.slice(0, 300) : String(error);
        }
      }
    }),
  );
  return { latencies, errors, seconds: (performance.now() - started) / 1000, firstError };
}

/** A variant: a name and its request. */
export interface Variant {
  name: string;
  call: (i: number) => Promise<void>;
}

/**
 * Each variant at each connection count, `rounds` times, round-robin; samples pooled per cell.
 * @param variants - what to compare (the first is usually the system, the second its SQL floor)
 * @param connections - e.g. [10, 50]
 * @param options - phase length, rounds, progress log
 */
export async function interleaved(
  variants: readonly Variant[],
  connections: readonly number[],
  options: { seconds: number; rounds: number; log: (message: string) => void },
): Promise<Map<string, LoadSample>> {
  const cells = new Map<string, LoadSample>();
  for (let round = 0; round < options.rounds; round++) {
    for (const conns of connections) {
      for (const variant of variants) {
        const sample = await closedLoop(conns, options.seconds, variant.call);
        const key = `${variant.name}@${conns}`;
        const pooled = cells.get(key) ?? { latencies: [], errors: 0, seconds: 0 };
        cells.set(key, {
          latencies: [...pooled.latencies, ...sample.latencies],
          errors: pooled.errors + sample.errors,
          seconds: pooled.seconds + sample.seconds,
          firstError: pooled.firstError ?? sample.firstError,
        });
        options.log(
          `round ${round + 1} ${key}: ${(sample.latencies.length / sample.seconds).toFixed(1)} rps, ${sample.errors} errors${sample.firstError ? ` (${sample.firstError})` : ''}`,
        );
      }
    }
  }
  return cells;
}

/**
 * A table row for one cell.
 * @param variant - variant name
 * @param conns - connections
 * @param sample - pooled samples
 */
export function rowOf(variant: string, conns: number, sample: LoadSample) {
  const summary = latencySummary(sample.latencies);
  return {
    variant,
    conns,
    rps: Math.round((sample.latencies.length / sample.seconds) * 10) / 10,
    'p50 ms': summary.p50,
    'p95 ms': summary.p95,
    'p99 ms': summary.p99,
    requests: sample.latencies.length,
    errors: sample.errors,
  };
}

/**
 * Runs a Prisma.Sql through plain pg (the service's own SQL, without the ORM).
 * @param client - a pg pool or client
 * @param sql - the statement
 */
export async function runSql<T extends pg.QueryResultRow>(client: pg.Pool | pg.PoolClient, sql: Prisma.Sql): Promise<T[]> {
  return (await client.query<T>(sql.text, sql.values)).rows;
}

/**
 * A GraphQL poster over at most `sockets` keep-alive connections (fetch's pool opens more than its
 * callers, and the router refuses past 50 connections from one address).
 * @param url - router URL
 * @param token - access token
 * @param sockets - most connections open at once
 */
export function graphQLPoster(url: string, token: string, sockets: number): { post(query: string, variables: Record<string, unknown>): Promise<unknown>; close(): void } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const target = new URL(url);
  const post = (query: string, variables: Record<string, unknown>) =>
    new Promise<unknown>((resolve, reject) => {
      const body = JSON.stringify({ query, variables });
      const request = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: target.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              const json = JSON.parse(text) as { data?: unknown; errors?: unknown };
              if (response.statusCode !== 200 || json.errors) reject(new Error(`HTTP ${response.statusCode}: ${JSON.stringify(json.errors ?? json).slice(0, 300)}`));
              else resolve(json.data);
            } catch {
              reject(new Error(`HTTP ${response.statusCode}: ${text.slice(0, 100)}`));
            }
          });
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  return { post, close: () => agent.destroy() };
}
