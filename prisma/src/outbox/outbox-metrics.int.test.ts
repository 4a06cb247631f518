/**
 * The outbox gauges read any department's outbox table: on a database of this file's own (the
 * backlog must be only ours), the clinical outbox's unpublished rows and the age of the oldest
 * show on a scrape and fall back to 0 once published; an unsafe table name is refused.
 */
import { randomUUID } from 'node:crypto';
import { metricsRegistry } from '@hospital/service-kit';
import { describe, expect, it } from 'vitest';
import { useOwnDatabase } from '../../../test/own-database.ts';
import { startOutboxMetrics } from './outbox-metrics.ts';
import { CLINICAL_OUTBOX, PrismaOutboxStore } from './prisma-outbox-store.ts';

const own = useOwnDatabase();
const valueOf = async (metric: string) => (await metricsRegistry().getSingleMetric(metric)?.get())?.values[0]?.value;

describe('outbox metrics', () => {
  it('report the clinical backlog, then 0 once the rows are published', async () => {
    const metrics = startOutboxMetrics(own.database.url, CLINICAL_OUTBOX);
    try {
      const occurredAt = new Date(Date.now() - 60_000);
      for (const type of ['VITALS_RECORDED', 'VITALS_ABNORMAL']) {
        await own.db.clinicalOutboxEvent.create({ data: { id: randomUUID(), patientId: randomUUID(), type, payload: {}, occurredAt } });
      }
      expect(await valueOf('outbox_unpublished_rows')).toBe(2);
      expect(await valueOf('outbox_oldest_unpublished_age_seconds')).toBeGreaterThanOrEqual(59);
      await new PrismaOutboxStore(own.db, CLINICAL_OUTBOX).relayBatch(10, async () => {});
      // The gauges read at most once a second.
      const deadline = Date.now() + 10_000;
      while ((await valueOf('outbox_unpublished_rows')) !== 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(await valueOf('outbox_unpublished_rows')).toBe(0);
      expect(await valueOf('outbox_oldest_unpublished_age_seconds')).toBe(0);
    } finally {
      await metrics.close();
    }
  });

  it('refuses a table name that is not a plain identifier', () => {
    expect(() => new PrismaOutboxStore(own.db, { ...CLINICAL_OUTBOX, table: 'outbox_events; DROP TABLE x' })).toThrow(/not a plain identifier/);
  });
});
