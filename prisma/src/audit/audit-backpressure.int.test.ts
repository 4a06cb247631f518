/**
 * Writers that outrun the sealer meet a bound: past the pending limit a write is refused with
 * SERVICE_UNAVAILABLE and a retry delay, and accepted again once the sealer has caught up. Real
 * PostgreSQL, the services' role, no sealer running (as when writers outrun it). Its own database.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntries } from '@hospital/service-kit';
import { testServerUrl } from '../../../test/helpers.ts';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { createAuditLog } from './audit-log.ts';

/** Pause between writes: longer than a probe's two small queries take on a loaded machine. */
const PROBE_SETTLE_MS = 200;

/** One read of `n` patients by a doctor, as the services' unary wrapper records it. */
const entries = (n: number) =>
  auditEntries(
    {
      caller: { kind: 'user', userId: randomUUID(), role: 'doctor', email: 'd@hospital.local' },
      origin: {},
      requestId: randomUUID(),
      path: '/hospital.patients.v1.PatientsService/GetPatients',
    },
    'Patient',
    Array.from({ length: n }, () => randomUUID()),
    { outcome: 'allowed' },
  );

describe('audit backpressure', () => {
  let db: TestDatabase;
  let pool: pg.Pool;
  const pending = async () => Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM audit.access_log_pending')).rows[0]!.n);
  const seal = () => pool.query('SELECT audit.seal_batch(50000)');

  beforeAll(async () => {
    db = await createTestDatabase({ serverUrl: testServerUrl() });
    pool = new pg.Pool({ connectionString: db.url, max: 8 });
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('refuses writes past the limit with SERVICE_UNAVAILABLE and a retry delay, and takes them again once sealed', async () => {
    const sink = createAuditLog(pool, { maxPending: 200, probeMs: 0 });
    await sink.record(entries(250));
    // The backlog is probed beside the writes, not in their path: a write or two may pass first.
    // The pause lets the probe a write started finish before the next write (10 ms was too short
    // on a loaded machine: a third write could pass while the probe's query was still queued).
    let refusal: unknown;
    let passed = 0;
    while (refusal === undefined && passed < 20) {
      await sink.record(entries(1)).then(
        () => (passed += 1),
        (error: unknown) => (refusal = error),
      );
      await new Promise((resolve) => setTimeout(resolve, PROBE_SETTLE_MS));
    }
    expect(refusal).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 });
    expect(passed).toBeLessThanOrEqual(2);
    await expect(sink.record(entries(1))).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(await pending()).toBe(250 + passed);
    await seal();
    await sink.record(entries(1));
    expect(await pending()).toBe(1);
    await seal();
  });

  it('keeps the backlog bounded while 20 writers outrun the sealer', async () => {
    const sink = createAuditLog(pool, { maxPending: 500, probeMs: 0 });
    let refused = 0;
    const writer = async () => {
      for (let i = 0; i < 40; i += 1) {
        await sink.record(entries(20)).catch((error: unknown) => {
          if ((error as { code?: string }).code !== 'SERVICE_UNAVAILABLE') throw error;
          refused += 1;
        });
      }
    };
    await Promise.all(Array.from({ length: 20 }, writer));
    // 16,000 rows offered; at most the limit plus what was admitted while the probe that saw it
    // passed was in flight (a few writes per writer).
    expect(await pending()).toBeLessThanOrEqual(500 + 3 * 20 * 20);
    expect(refused).toBeGreaterThan(600);
    await seal();
  });

  it('a limit of 0 turns the gate off', async () => {
    const sink = createAuditLog(pool, { maxPending: 0 });
    for (let i = 0; i < 3; i += 1) await sink.record(entries(200));
    expect(await pending()).toBe(600);
    await seal();
  });
});
