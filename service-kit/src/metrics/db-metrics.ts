/**
 * Database meters for pg pools (the Prisma adapter's pool and any other): the latency of each
 * query a pooled connection runs, and the pool's saturation (connections in use and idle, callers
 * waiting for one, the maximum), read when Prometheus scrapes. The `pool` label is a name the code
 * gives (`prisma`, `outbox-metrics`, …), never anything from a request.
 */
import type { Pool, PoolClient } from 'pg';
import { Gauge } from 'prom-client';
import { histogram, metricsRegistry } from './registry.ts';

const queryLatency = () => histogram('db_query_seconds', 'Latency of one SQL statement on a pooled connection, by pool and outcome (ok, error).', ['pool', 'outcome']);

/** Pools being reported, by name (tests and some processes hold several of one name: summed). */
const pools = new Map<string, Set<Pool>>();

/** A pool that has ended reports nothing more (pg-pool sets these flags in end()). */
const ended = (pool: Pool) => Boolean((pool as unknown as { ending?: boolean; ended?: boolean }).ending);

function registerSaturationGauges(): void {
  if (metricsRegistry().getSingleMetric('db_pool_connections')) return;
  const sum = (read: (pool: Pool) => number) => {
    const total = new Map<string, number>();
    for (const [poolName, set] of pools) {
      for (const pool of set) {
        if (ended(pool)) set.delete(pool);
        else total.set(poolName, (total.get(poolName) ?? 0) + read(pool));
      }
      if (set.size === 0) pools.delete(poolName);
    }
    return total;
  };
  new Gauge({
    name: 'db_pool_connections',
    help: 'Connections of a pg pool, by pool and state (in_use: checked out; idle: open and free).',
    labelNames: ['pool', 'state'],
    registers: [metricsRegistry()],
    collect() {
      this.reset();
      for (const [pool, n] of sum((p) => p.totalCount - p.idleCount)) this.set({ pool, state: 'in_use' }, n);
      for (const [pool, n] of sum((p) => p.idleCount)) this.set({ pool, state: 'idle' }, n);
    },
  });
  new Gauge({
    name: 'db_pool_waiting_clients',
    help: 'Callers waiting for a connection of a pg pool (above 0 for long: the pool is saturated).',
    labelNames: ['pool'],
    registers: [metricsRegistry()],
    collect() {
      this.reset();
      for (const [pool, n] of sum((p) => p.waitingCount)) this.set({ pool }, n);
    },
  });
  new Gauge({
    name: 'db_pool_max_connections',
    help: 'The configured maximum connections of a pg pool (saturation = in_use / max).',
    labelNames: ['pool'],
    registers: [metricsRegistry()],
    collect() {
      this.reset();
      for (const [pool, n] of sum((p) => p.options.max ?? 10)) this.set({ pool }, n);
    },
  });
}

type QueryFn = (...args: unknown[]) => unknown;

/**
 * Times every query of one connection: promise calls (the Prisma adapter, transactions) and
 * callback calls (pg-pool's own `pool.query`). Streams (submittables) pass through untimed.
 */
function timeQueries(client: PoolClient, pool: string): void {
  const original = client.query.bind(client) as QueryFn;
  const observe = (started: number, outcome: 'ok' | 'error') => queryLatency().observe({ pool, outcome }, (performance.now() - started) / 1000);
  (client as unknown as { query: QueryFn }).query = (...args: unknown[]) => {
    const started = performance.now();
    const last = args.length - 1;
    const callback = args[last];
    if (typeof callback === 'function') {
      args[last] = (error: unknown, result: unknown) => {
        observe(started, error ? 'error' : 'ok');
        (callback as (e: unknown, r: unknown) => void)(error, result);
      };
      return original(...args);
    }
    const result = original(...args);
    if (result instanceof Promise)
      result.then(
        () => observe(started, 'ok'),
        () => observe(started, 'error'),
      );
    return result;
  };
}

/**
 * Meters a pg pool: query latency on each of its connections, saturation at scrape. Call it before
 * the pool opens its first connection.
 * @param pool - the pool
 * @param name - the `pool` label, a fixed name in the code (default `prisma`)
 * @returns the same pool
 */
export function meterPool<P extends Pool>(pool: P, name = 'prisma'): P {
  registerSaturationGauges();
  let set = pools.get(name);
  if (!set) pools.set(name, (set = new Set()));
  set.add(pool);
  pool.on('connect', (client) => timeQueries(client, name));
  return pool;
}
