/**
 * The audit trail under concurrent writers: audited statements per second (one row each, as a
 * by-id read writes) and audit rows per second (20-row statements, as a search page writes), with
 * 1, 16 and 50 writers, each with its own connection, on a fresh database as the services' role.
 * Each cell runs twice, interleaved: `sealed` is the path the services take now (append to the
 * pending table, then one sealer chains a batch), `locked` the previous one (each INSERT chained
 * by its trigger under the chain's lock, held through COMMIT; run as the owner, who still may).
 * Afterwards the whole chain is verified (gapless, every hash). Goal (issue 11): ≥ 10,000
 * statements/s and ≥ 50,000 rows/s at 50 writers, not falling as writers are added.
 *   npm run bench:audit    (AUDIT_BENCH_SECONDS=5 per cell; TEST_DATABASE_URL names the server)
 * Results: the table on stdout and bench/results/audit-writers.json.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import path from 'node:path';
import { createAuditLog, createPrismaClient, verifyAuditChain } from '@hospital/db';
import { createTestDatabase } from '@hospital/db/testing';
import { Prisma, type PrismaClient } from '@hospital/db';
import type { AuditEntry, AuditSink } from '@hospital/service-kit';

const seconds = Number(process.env['AUDIT_BENCH_SECONDS'] ?? 5);
const database = await createTestDatabase({ serverUrl: process.env['TEST_DATABASE_URL'] || undefined });

function entries(count: number): AuditEntry[] {
  const requestId = randomUUID();
  return Array.from({ length: count }, () => ({
    actorKind: 'user', actorId: randomUUID(), actorRole: 'doctor', action: 'PatientsService.SearchPatients', operation: 'Bench',
    resource: 'Patient', patientId: randomUUID(), fields: [], outcome: 'allowed', reason: null, ip: '203.0.113.9', userAgent: 'bench', requestId,
  }));
}

/** The previous write path: one INSERT into the chain, its trigger holding the lock to COMMIT. */
function lockedLog(prisma: PrismaClient): AuditSink {
  return {
    async record(rows) {
      const values = rows.map(
        (e) => Prisma.sql`(${e.actorKind}, ${e.actorId}, ${e.actorRole}, ${e.action}, ${e.operation}, ${e.resource}, ${e.patientId}::uuid, ${e.fields}::text[], ${e.outcome}, ${e.reason}, ${e.ip}, ${e.userAgent}, ${e.requestId}, 0, '', '')`,
      );
      await prisma.$executeRaw`INSERT INTO "audit"."access_log" ("actor_kind", "actor_id", "actor_role", "action", "operation", "resource", "patient_id", "fields", "outcome", "reason", "ip", "user_agent", "request_id", "seq", "prev_hash", "hash")
        VALUES ${Prisma.join(values)} ON CONFLICT DO NOTHING`;
    },
  };
}

/** Runs `writers` loops of `rowsPerStatement`-row INSERTs for the configured time. */
async function cell(mode: 'sealed' | 'locked', writers: number, rowsPerStatement: number) {
  const clients = Array.from({ length: writers }, () => createPrismaClient(mode === 'sealed' ? database.url : database.ownerUrl, { poolSize: 1 }));
  await Promise.all(clients.map((client) => client.$queryRaw`SELECT 1`));
  const latencies: number[] = [];
  let statements = 0;
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      const log = mode === 'sealed' ? createAuditLog(client) : lockedLog(client);
      while (performance.now() < until) {
        const t = performance.now();
        await log.record(entries(rowsPerStatement));
        latencies.push(performance.now() - t);
        statements += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(clients.map((client) => client.$disconnect()));
  latencies.sort((a, b) => a - b);
  const p = (q: number) => Math.round((latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0) * 10) / 10;
  return { mode, writers, rowsPerStatement, statementsPerSecond: Math.round(statements / elapsed), rowsPerSecond: Math.round((statements * rowsPerStatement) / elapsed), p50Ms: p(0.5), p99Ms: p(0.99) };
}

const results = [];
try {
  for (const rowsPerStatement of [1, 20]) {
    for (const writers of [1, 16, 50]) for (const mode of ['sealed', 'locked'] as const) results.push(await cell(mode, writers, rowsPerStatement));
  }
  const verifier = createPrismaClient(database.url, { poolSize: 1 });
  const verified = await verifyAuditChain(verifier);
  await verifier.$disconnect();
  console.table(results);
  console.log(`Chain after the run: ${verified.ok ? 'intact' : `BROKEN at ${verified.brokenAt?.seq}`}, ${verified.rows} rows`);
  const dir = path.join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'audit-writers.json'),
    `${JSON.stringify({ at: new Date().toISOString(), machine: { cpus: availableParallelism(), model: cpus()[0]?.model, loadavg: loadavg() }, seconds, results, chain: verified }, null, 2)}\n`,
  );
} finally {
  await database.drop();
}
