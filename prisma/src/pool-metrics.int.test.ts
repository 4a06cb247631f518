/**
 * The Prisma client's pool is metered (service-kit/src/metrics/db-metrics.ts) on a real
 * PostgreSQL: query latency by outcome, and in-use / idle / waiting / max while queries hold it.
 */
import { metricsRegistry } from '@hospital/service-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../test/helpers.ts';
import { createPrismaClient } from './prisma-client.ts';

/** The value of one series of a metric now (undefined when absent). */
async function valueOf(metric: string, labels: Record<string, string>): Promise<number | undefined> {
  const found = await metricsRegistry().getSingleMetric(metric)?.get();
  const match = found?.values.find((v) => Object.entries(labels).every(([k, l]) => String(v.labels[k]) === l));
  return match?.value;
}

describe('pool metrics of createPrismaClient', () => {
  const db = createPrismaClient(testDatabaseUrl(), { poolSize: 2, poolName: 'pool-metrics-test' });
  afterAll(() => db.$disconnect());

  it('counts each statement with its latency and outcome', async () => {
    const before = (await valueOf('db_query_seconds', { pool: 'pool-metrics-test', outcome: 'ok' })) ?? 0;
    await db.$queryRaw`SELECT 1`;
    await db.$transaction(async (tx) => tx.$queryRaw`SELECT 2`);
    await expect(db.$queryRawUnsafe('SELECT * FROM no_such_table_here')).rejects.toThrow();
    const text = await metricsRegistry().getSingleMetricAsString('db_query_seconds');
    const ok = Number(/db_query_seconds_count\{pool="pool-metrics-test",outcome="ok"\} (\d+)/.exec(text)?.[1]);
    // SELECT 1, then BEGIN, SELECT 2, COMMIT.
    expect(ok - before).toBeGreaterThanOrEqual(4);
    expect(text).toMatch(/db_query_seconds_count\{pool="pool-metrics-test",outcome="error"\} 1\b/);
    expect(text).toMatch(/db_query_seconds_bucket\{le="0\.1",pool="pool-metrics-test",outcome="ok"\} \d+/);
  });

  it('shows the pool saturated while three statements share two connections, then idle', async () => {
    const sleeping = Promise.all([1, 2, 3].map(() => db.$queryRaw`SELECT pg_sleep(0.4)::text`));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await valueOf('db_pool_connections', { pool: 'pool-metrics-test', state: 'in_use' })).toBe(2);
    expect(await valueOf('db_pool_waiting_clients', { pool: 'pool-metrics-test' })).toBe(1);
    expect(await valueOf('db_pool_max_connections', { pool: 'pool-metrics-test' })).toBe(2);
    await sleeping;
    expect(await valueOf('db_pool_connections', { pool: 'pool-metrics-test', state: 'in_use' })).toBe(0);
    expect(await valueOf('db_pool_connections', { pool: 'pool-metrics-test', state: 'idle' })).toBe(2);
    expect(await valueOf('db_pool_waiting_clients', { pool: 'pool-metrics-test' })).toBe(0);
  });

  it('stops reporting a pool once the client disconnects', async () => {
    const other = createPrismaClient(testDatabaseUrl(), { poolSize: 1, poolName: 'pool-metrics-closed' });
    await other.$queryRaw`SELECT 1`;
    expect(await valueOf('db_pool_max_connections', { pool: 'pool-metrics-closed' })).toBe(1);
    await other.$disconnect();
    expect(await valueOf('db_pool_max_connections', { pool: 'pool-metrics-closed' })).toBeUndefined();
  });
});
