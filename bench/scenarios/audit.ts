/**
 * The audit trail under concurrent writers (issue 11's goal: ≥ 10,000 audited statements/s and
 * ≥ 50,000 rows/s with 50 writers, not falling as writers are added). Writers are request loops
 * in one process, as a service's handlers are; each statement is one
 * `AuditSink.record` of 1 row (a by-id read) or 20 rows (a search page), resolved once durable.
 * Variants, interleaved cell by cell on one fresh database as the services' role:
 *   previous         append to pending, then seal synchronously with the previous per-row sealer
 *   new              what a service runs (`startAuditTrail`): one INSERT over the writers' own pg pool
 *                    of 4 connections, concurrent statements combined; the elected sealer
 *   new, unbatched   one INSERT per statement over a pg pool (no combining); the same sealer
 * Reported: statements/s, rows/s, latency p50/p99, and the sealer's lag (age of the oldest pending
 * row, sampled every 25 ms), and statements refused by the writers' backpressure (backlog past its
 * limit: the writer waits the Retry-After it was given). The whole chain is verified after the run.
 *   npm run bench -- audit [-- --writers=1,16,50 --rows=1,20]   (AUDIT_BENCH_SECONDS=5, BENCH_ROUNDS=2)
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { auditBacklog, createAuditLog, createPrismaClient, Prisma, startAuditSealer, startAuditTrail, verifyAuditChain, type PrismaClient } from '@hospital/db';
import { createTestDatabase } from '@hospital/db/testing';
import type { AuditEntry, AuditSink } from '@hospital/service-kit';
import type { Scenario, ScenarioRow } from '../lib/scenario.ts';
import { latencySummary, quantile, ratio } from '../lib/stats.ts';

type Variant = 'previous' | 'new' | 'new, unbatched';
const VARIANTS: readonly Variant[] = ['previous', 'new', 'new, unbatched'];

function entries(count: number): AuditEntry[] {
  const requestId = randomUUID();
  return Array.from({ length: count }, () => ({
    actorKind: 'user',
    actorId: randomUUID(),
    actorRole: 'doctor',
    action: 'PatientsService.SearchPatients',
    operation: 'Bench',
    resource: 'Patient',
    patientId: randomUUID(),
    fields: [],
    outcome: 'allowed',
    reason: null,
    ip: '203.0.113.9',
    userAgent: 'bench',
    requestId,
  }));
}

/**
 * The previous write path, verbatim: the writer's INSERT (VALUES, RETURNING its last id), then the
 * sealer function as migration 20261206130200 defined it (per-row chaining trigger), installed in
 * the bench database under another name.
 */
function previousLog(prisma: PrismaClient): AuditSink {
  return {
    async record(entries) {
      const rows = entries.map(
        (entry) => Prisma.sql`(${entry.actorKind}, ${entry.actorId}, ${entry.actorRole}, ${entry.action}, ${entry.operation}, ${entry.resource},
          ${entry.patientId}::uuid, ${entry.fields}::text[], ${entry.outcome}, ${entry.reason}, ${entry.ip}, ${entry.userAgent}, ${entry.requestId})`,
      );
      const appended = await prisma.$queryRaw<Array<{ last: bigint | null }>>`WITH appended AS (
        INSERT INTO "audit"."access_log_pending"
          ("actor_kind", "actor_id", "actor_role", "action", "operation", "resource", "patient_id", "fields", "outcome", "reason", "ip", "user_agent", "request_id")
        VALUES ${Prisma.join(rows)}
        ON CONFLICT DO NOTHING
        RETURNING "id")
        SELECT max("id") AS "last" FROM appended`;
      const last = appended[0]?.last;
      if (last !== null && last !== undefined) await prisma.$queryRaw`SELECT "audit"."bench_seal_pending_v1"(${last}::bigint)`;
    },
  };
}

/** Installs the previous sealer (20261206130200's `seal_pending`) as `audit.bench_seal_pending_v1`. */
async function installPreviousSealer(ownerUrl: string, serviceRole: string): Promise<void> {
  const sql = readFileSync(path.join(import.meta.dirname, '../../prisma/migrations/20261206130200_audit_sealer/migration.sql'), 'utf8');
  const start = sql.indexOf('CREATE FUNCTION "audit"."seal_pending"');
  const body = sql.slice(start, sql.indexOf('$$;', start) + 3).replace('"audit"."seal_pending"', '"audit"."bench_seal_pending_v1"');
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    await owner.query(body);
    await owner.query(`GRANT EXECUTE ON FUNCTION "audit"."bench_seal_pending_v1"(BIGINT) TO "${serviceRole}"`);
  } finally {
    await owner.end();
  }
}

/** The sink of a variant, and what to close after its cell. */
function sinkFor(variant: Variant, url: string, prisma: PrismaClient, writers: number): { sink: AuditSink; close(): Promise<void> } {
  if (variant === 'previous') return { sink: previousLog(prisma), close: async () => undefined };
  // What every service runs: the writers' pool (4 connections, writes combined) and the sealer.
  if (variant === 'new') {
    const trail = startAuditTrail(url);
    return { sink: trail.sink, close: () => trail.stop() };
  }
  // One INSERT per statement (maxRows 1: nothing is combined), the same sealer.
  const pool = new pg.Pool({ connectionString: url, max: Math.min(writers, 20) });
  const sealer = startAuditSealer(url);
  return { sink: createAuditLog(pool, { maxInFlight: 1_000, maxRows: 1 }), close: async () => (await sealer.stop(), await pool.end()) };
}

/** Samples the age of the oldest pending row (ms) until stopped; reconnects if its connection is killed. */
function lagSampler(url: string) {
  const samples: number[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const client = new pg.Client({ connectionString: url });
      // A failing query reports the problem; the client's own 'error' event must not crash the run.
      client.on('error', () => undefined);
      try {
        await client.connect();
        while (running) {
          const { rows } = await client.query<{ age: number | null }>(
            `SELECT extract(epoch FROM clock_timestamp() - occurred_at)::float8 * 1000 AS age FROM audit.access_log_pending ORDER BY id LIMIT 1`,
          );
          samples.push(rows[0]?.age ?? 0);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      } finally {
        await client.end().catch(() => undefined);
      }
    }
  })();
  return { samples, stop: async () => ((running = false), await done) };
}

interface Cell {
  variant: Variant;
  writers: number;
  rows: number;
  errors: number;
  refused: number;
  statementsPerSecond: number;
  rowsPerSecond: number;
  p50: number;
  p99: number;
  lagP50: number;
  lagP99: number;
  lagMax: number;
}

async function runCell(url: string, variant: Variant, writers: number, rows: number, seconds: number): Promise<Cell> {
  const prisma = createPrismaClient(url, { poolSize: Math.min(writers, 20) });
  await prisma.$queryRaw`SELECT 1`;
  const { sink, close } = sinkFor(variant, url, prisma, writers);
  const lag = lagSampler(url);
  const latencies: number[] = [];
  let errors = 0;
  let refused = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: writers }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        try {
          await sink.record(entries(rows));
          latencies.push(performance.now() - t);
        } catch (error) {
          // Backpressure: the backlog passed its limit; the writer comes back when told, as a client would.
          const retryAfter =
            (error as { code?: string; retryAfterSeconds?: number }).code === 'SERVICE_UNAVAILABLE' ? (error as { retryAfterSeconds: number }).retryAfterSeconds : undefined;
          if (retryAfter !== undefined) {
            refused += 1;
            await new Promise((resolve) => setTimeout(resolve, Math.min(retryAfter * 1000, Math.max(0, until - performance.now()))));
            continue;
          }
          // A connection killed from outside (other sessions share this server): counted, not fatal.
          errors += 1;
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  // Drained before the next cell: the lag samples include catching up.
  while ((await auditBacklog(prisma).catch(() => ({ pending: 1 }))).pending > 0) await new Promise((resolve) => setTimeout(resolve, 10));
  await lag.stop();
  await close();
  await prisma.$disconnect();
  const latency = latencySummary(latencies);
  const round = (value: number) => Math.round(value);
  return {
    variant,
    writers,
    rows,
    errors,
    refused,
    statementsPerSecond: round(latencies.length / elapsed),
    rowsPerSecond: round((latencies.length * rows) / elapsed),
    p50: latency.p50,
    p99: latency.p99,
    lagP50: round(quantile(lag.samples, 0.5)),
    lagP99: round(quantile(lag.samples, 0.99)),
    lagMax: round(Math.max(0, ...lag.samples)),
  };
}

const listArg = (args: readonly string[], name: string, fallback: number[]) => {
  const value = args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  return value ? value.split(',').map(Number) : fallback;
};

const scenario: Scenario = {
  description: 'audit writers 1/16/50 × 1/20-row statements: new path (one INSERT, async sealer) vs previous (append + synchronous seal), interleaved',
  async run({ smoke, args, serverUrl, log }) {
    const seconds = smoke ? 0.5 : Number(process.env['AUDIT_BENCH_SECONDS'] ?? 5);
    const rounds = smoke ? 1 : Number(process.env['BENCH_ROUNDS'] ?? 2);
    const writerCounts = listArg(args, 'writers', smoke ? [1, 16] : [1, 16, 50]);
    const rowCounts = listArg(args, 'rows', [1, 20]);
    const database = await createTestDatabase({ serverUrl });
    await installPreviousSealer(database.ownerUrl, decodeURIComponent(new URL(database.url).username));
    const cells: Cell[] = [];
    const loadBefore = loadavg();
    try {
      for (let round = 0; round < rounds; round += 1) {
        for (const rows of rowCounts) {
          for (const writers of writerCounts) {
            // Alternate the order each round so neither path always runs first.
            for (const variant of round % 2 === 0 ? VARIANTS : [...VARIANTS].reverse()) {
              const cell = await runCell(database.url, variant, writers, rows, seconds);
              log(`round ${round + 1}: ${variant} × ${writers} writers × ${rows} rows: ${cell.statementsPerSecond} statements/s, p99 ${cell.p99} ms, lag p99 ${cell.lagP99} ms`);
              cells.push(cell);
            }
          }
        }
      }
      const verifier = createPrismaClient(database.url, { poolSize: 1 });
      const chain = await verifyAuditChain(verifier);
      await verifier.$disconnect();
      if (!chain.ok) throw new Error(`audit chain broken after the run at seq ${chain.brokenAt?.seq}: ${chain.brokenAt?.problem}`);
      const rows = summarise(cells, rowCounts, writerCounts);
      const at50 = rows.filter((row) => row['writers'] === Math.max(...writerCounts) && row['variant'] === 'new');
      return {
        rows,
        notes: [
          `${seconds} s per cell, ${rounds} round(s), medians across rounds; pool min(writers, 20); load average ${loadBefore.map((v) => v.toFixed(1)).join('/')} before, ${loadavg()
            .map((v) => v.toFixed(1))
            .join('/')} after.`,
          `Chain verified after the run: ${chain.rows} rows, gapless, every hash recomputed.`,
          ...at50.map(
            (row) => `new at ${row['writers']} writers × ${row['rows per statement']} rows: ${row['statements/s']} statements/s, ${row['rows/s']} rows/s (goal 10,000 / 50,000).`,
          ),
        ],
        details: { seconds, rounds, cells, chain: { rows: chain.rows, head: chain.head } },
      };
    } finally {
      await database.drop();
    }
  },
};

/** One row per (rows, writers, variant): medians across rounds, and the ratio to the previous path. */
function summarise(cells: Cell[], rowCounts: number[], writerCounts: number[]): ScenarioRow[] {
  const median = (values: number[]) => Math.round(quantile(values, 0.5) * 10) / 10;
  const out: ScenarioRow[] = [];
  for (const rows of rowCounts) {
    for (const writers of writerCounts) {
      const of = (variant: Variant) => cells.filter((cell) => cell.variant === variant && cell.writers === writers && cell.rows === rows);
      const previous = median(of('previous').map((cell) => cell.statementsPerSecond));
      for (const variant of VARIANTS) {
        const mine = of(variant);
        const statements = median(mine.map((cell) => cell.statementsPerSecond));
        out.push({
          'rows per statement': rows,
          writers,
          variant,
          'statements/s': statements,
          'rows/s': median(mine.map((cell) => cell.rowsPerSecond)),
          'p50 ms': median(mine.map((cell) => cell.p50)),
          'p99 ms': median(mine.map((cell) => cell.p99)),
          'lag p50 ms': median(mine.map((cell) => cell.lagP50)),
          'lag p99 ms': median(mine.map((cell) => cell.lagP99)),
          'vs previous': ratio(statements, previous),
          'lag max ms': Math.max(0, ...mine.map((cell) => cell.lagMax)),
          refused: mine.reduce((sum, cell) => sum + cell.refused, 0),
          errors: mine.reduce((sum, cell) => sum + cell.errors, 0),
        });
      }
    }
  }
  return out;
}

export default scenario;
