/**
 * An outbox's health for Prometheus (any department's outbox table: appointments, clinical): rows
 * not yet published and the age of the oldest, read with one query when Prometheus scrapes (an
 * index on published_at IS NULL keeps it cheap; the backlog is small in normal operation). Its own
 * one-connection pool, so a scrape never waits behind the service's requests and cannot starve
 * them. One outbox per service process, so the gauges need no label.
 */
import { gaugeOnScrape } from '@hospital/service-kit';
import { createPrismaClient } from '../prisma-client.ts';
import { outboxTableSql, type OutboxTable } from './prisma-outbox-store.ts';

/** Scrape-time outbox gauges; close() detaches them and closes their connection. */
export interface OutboxMetrics {
  close(): Promise<void>;
}

/**
 * Registers `outbox_unpublished_rows` and `outbox_oldest_unpublished_age_seconds`.
 * @param databaseUrl - the service's database
 * @param table - its outbox table
 */
export function startOutboxMetrics(databaseUrl: string, table: OutboxTable): OutboxMetrics {
  const from = outboxTableSql(table);
  const db = createPrismaClient(databaseUrl, { poolSize: 1, poolName: 'outbox-metrics' });
  // Both gauges come from one query; a scrape reads the backlog, then the age, within ~1 ms.
  let last: Promise<{ rows: number; age: number }> | undefined;
  let lastAt = 0;
  const read = () => {
    if (!last || Date.now() - lastAt > 1_000) {
      lastAt = Date.now();
      last = db.$queryRaw<{ rows: bigint; age: number | null }[]>`
          SELECT count(*) AS rows, EXTRACT(EPOCH FROM now() - min(occurred_at))::float8 AS age
            FROM ${from}
           WHERE published_at IS NULL`.then(([row]) => ({ rows: Number(row?.rows ?? 0), age: row?.age ?? 0 }));
      last.catch(() => (last = undefined));
    }
    return last;
  };
  const detach = [
    gaugeOnScrape('outbox_unpublished_rows', 'Outbox rows committed but not yet published to Kafka.', async () => (await read()).rows),
    gaugeOnScrape('outbox_oldest_unpublished_age_seconds', 'Age of the oldest unpublished outbox row (0 when none).', async () => (await read()).age),
  ];
  return {
    async close() {
      for (const d of detach) d();
      await db.$disconnect();
    },
  };
}
