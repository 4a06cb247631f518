/**
 * The asynchronous audit path against real PostgreSQL: writers append in one round trip, one
 * elected sealer chains their rows in set-based batches. Gapless and verified under 50 concurrent
 * writers; a sealer killed mid-batch loses and doubles nothing; two sealers never seal at once;
 * the services' role can trigger a seal but not shape the chain. Its own database.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@hospital/service-kit';
import { testServerUrl } from '../../../test/helpers.ts';
import { createPrismaClient, type PrismaClient } from '../prisma-client.ts';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { createAuditLog } from './audit-log.ts';
import { verifyAuditChain } from './audit-chain.ts';
import { auditBacklog } from './audit-backlog.ts';
import { AUDIT_SEALER_LOCK, runAuditSealer, type AuditSealer } from './audit-sealer.ts';
import { startAuditTrail } from './audit-trail-runtime.ts';

function entry(requestId: string, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    actorKind: 'user',
    actorId: randomUUID(),
    actorRole: 'doctor',
    action: 'PatientsService.SearchPatients',
    operation: 'Search',
    resource: 'Patient',
    patientId: randomUUID(),
    fields: ['fullName', 'odd "name\\'],
    outcome: 'allowed',
    reason: null,
    ip: '203.0.113.7',
    userAgent: 'ünïcode ✓',
    requestId,
    ...overrides,
  };
}

/** Polls until nothing is pending; returns how long that took (ms). */
async function drained(prisma: PrismaClient, timeoutMs: number): Promise<number> {
  const started = performance.now();
  while ((await auditBacklog(prisma)).pending > 0) {
    if (performance.now() - started > timeoutMs) throw new Error(`still pending after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return performance.now() - started;
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('audit sealer', () => {
  let db: TestDatabase;
  let prisma: PrismaClient;
  let owner: pg.Client;
  const sealers: AuditSealer[] = [];
  const start = (settings: Parameters<typeof runAuditSealer>[1] = {}) => {
    const sealer = runAuditSealer(db.url, { intervalMs: 5, standbyRetryMs: 50, ...settings });
    sealers.push(sealer);
    return sealer;
  };

  beforeAll(async () => {
    db = await createTestDatabase({ serverUrl: testServerUrl() });
    prisma = createPrismaClient(db.url, { poolSize: 10 });
    owner = new pg.Client({ connectionString: db.ownerUrl });
    await owner.connect();
  });
  // A test that fails midway leaves no sealer leading into the next one.
  afterEach(async () => {
    await Promise.all(sealers.splice(0).map((sealer) => sealer.stop()));
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await owner?.end();
    await db?.drop();
  });

  it('chains every row of 50 concurrent writers, gapless, within a bounded lag', async () => {
    // What a service runs: the writers' own pool and the sealer.
    const trail = startAuditTrail(db.url, { intervalMs: 5 });
    const log = trail.sink;
    const requestIds: string[] = [];
    await Promise.all(
      Array.from({ length: 50 }, async (_, writer) => {
        for (let i = 0; i < 10; i += 1) {
          const requestId = `w${writer}-${i}`;
          requestIds.push(requestId);
          await log.record(Array.from({ length: i % 2 === 0 ? 1 : 20 }, () => entry(requestId)));
        }
      }),
    );
    expect(await drained(prisma, 5_000)).toBeLessThan(5_000);
    const rows = 50 * (5 * 1 + 5 * 20);
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true, rows, head: { seq: rows } });
    const perRequest = await prisma.accessRecord.groupBy({ by: ['requestId'], _count: true });
    expect(perRequest).toHaveLength(requestIds.length);
    expect(trail.stats()).toMatchObject({ leading: true, sealedRows: rows });
    // The fields array (quotes, backslash) and the user agent arrive as written.
    expect(await prisma.accessRecord.findFirstOrThrow({ where: { seq: 1n } })).toMatchObject({ fields: ['fullName', 'odd "name\\'], userAgent: 'ünïcode ✓' });
    await trail.stop();
  });

  it('loses nothing and chains nothing twice when the sealer is killed mid-batch', async () => {
    const before = await prisma.accessRecord.count();
    // 60,000 rows pending (appended as the services do, straight SQL for speed).
    await prisma.$executeRaw`INSERT INTO "audit"."access_log_pending" ("actor_kind", "action", "resource", "outcome", "request_id")
      SELECT 'service', 'X.Y', 'Patient', 'allowed', 'kill-' || g FROM generate_series(1, 60000) g`;
    const sealer = start({ batchRows: 20_000 });
    let killed = 0;
    await until(async () => {
      const { rows } = await owner.query<{ killed: boolean }>(
        `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'hospital-audit-sealer' AND state = 'active' AND query LIKE '%seal_batch%'`,
      );
      killed += rows.filter((row) => row.killed).length;
      return killed > 0;
    }, 20_000);
    // The sealer reconnects, is elected again and finishes.
    expect(await drained(prisma, 30_000)).toBeGreaterThanOrEqual(0);
    expect(await prisma.accessRecord.count({ where: { requestId: { startsWith: 'kill-' } } })).toBe(60_000);
    const distinct = await owner.query<{ n: number }>(`SELECT count(DISTINCT request_id)::int AS n FROM audit.access_log WHERE request_id LIKE 'kill-%'`);
    expect(distinct.rows[0]!.n).toBe(60_000);
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true, rows: before + 60_000 });
    await sealer.stop();
  });

  it('lets one of two racing sealers lead; the other takes over when it stops', async () => {
    const [a, b] = [start(), start()];
    await until(() => a.stats().leading || b.stats().leading, 5_000);
    const log = createAuditLog(prisma);
    await Promise.all(Array.from({ length: 20 }, (_, i) => log.record([entry(`race-${i}`)])));
    await drained(prisma, 5_000);
    expect([a.stats().leading, b.stats().leading].filter(Boolean)).toHaveLength(1);
    const [leader, standby] = a.stats().leading ? [a, b] : [b, a];
    expect(standby.stats().sealedRows).toBe(0);
    await leader.stop();
    await until(() => standby.stats().leading, 5_000);
    await log.record([entry('after-takeover')]);
    await drained(prisma, 5_000);
    expect(standby.stats().sealedRows).toBe(1);
    expect(leader.stats()).toMatchObject({ leading: false, sealedRows: 20 });
    // Seals called straight from two connections at once serialise on the chain's lock. The
    // sealer stops first: a leader still running would seal these rows itself (it polls every 5 ms),
    // and the two calls would find fewer than 3,000, or none.
    await standby.stop();
    await prisma.$executeRaw`INSERT INTO "audit"."access_log_pending" ("actor_kind", "action", "resource", "outcome", "request_id")
      SELECT 'service', 'X.Y', 'Patient', 'allowed', 'direct-' || g FROM generate_series(1, 3000) g`;
    const taken = await Promise.all([1, 2].map(() => prisma.$queryRaw<Array<{ n: bigint }>>`SELECT "audit"."seal_batch"(2000) AS "n"`));
    expect(taken.map(([row]) => Number(row!.n)).sort()).toEqual([1000, 2000]);
    expect(standby.stats()).toMatchObject({ leading: false, sealedRows: 1 });
    expect((await verifyAuditChain(prisma)).ok).toBe(true);
  });

  it('stops reporting the lead as soon as its connection is cut, not at its next seal', async () => {
    // A leader idle for a second between seals, and a standby polling every 50 ms.
    const a = start({ intervalMs: 1_000 });
    await until(() => a.stats().seals > 0, 5_000);
    const b = start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect([a.stats().leading, b.stats().leading]).toEqual([true, false]);
    // Cut the backend that holds the election lock: the lock goes with it, the standby takes it.
    const { rows } = await owner.query<{ cut: boolean }>(
      `SELECT pg_terminate_backend(l.pid) AS cut FROM pg_locks l
        WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
          AND ((l.classid::bigint << 32) | l.objid::bigint) = $1::bigint`,
      [AUDIT_SEALER_LOCK.toString()],
    );
    expect(rows).toEqual([{ cut: true }]);
    await until(() => b.stats().leading, 5_000);
    // Before: the cut leader said it led until its sleep ended (up to its interval): two leaders.
    await until(() => !a.stats().leading, 200);
  });

  it("lets the services' role seal but not chain by itself nor forge a batch", async () => {
    const refused = /permission denied/;
    await expect(prisma.$queryRaw`SELECT "audit"."chain_batch"(10)`).rejects.toThrow(refused);
    await expect(
      prisma.$transaction([
        prisma.$executeRawUnsafe(`SELECT set_config('audit.sealing', 'batch', true)`),
        prisma.$executeRaw`INSERT INTO "audit"."access_log" ("seq", "actor_kind", "action", "resource", "outcome", "request_id", "prev_hash", "hash")
          VALUES (1000000, 'anonymous', 'X.Y', 'Patient', 'denied', 'forged', '', 'forged')`,
      ]),
    ).rejects.toThrow(refused);
    await expect(prisma.$executeRaw`UPDATE "audit"."access_log" SET "outcome" = 'denied' WHERE "seq" = 1`).rejects.toThrow(refused);
    await expect(prisma.$executeRaw`DELETE FROM "audit"."access_log" WHERE "seq" = 1`).rejects.toThrow(refused);
    await expect(prisma.$executeRaw`DELETE FROM "audit"."access_log_pending"`).rejects.toThrow(refused);
    expect(await prisma.$queryRaw`SELECT "audit"."seal_batch"(10)::int AS "n"`).toEqual([{ n: 0 }]);
  });
});
