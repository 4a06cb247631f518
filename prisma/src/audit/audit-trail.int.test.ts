/**
 * The audit table against real PostgreSQL: append-only for the services' role (no rights to change
 * it or switch its triggers off) and for the owner (triggers), chained,
 * gapless under concurrent writers, and a verification that finds an altered or removed row.
 * Its own database: tampering here must not touch the chain other tests rely on.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@hospital/service-kit';
import { testServerUrl } from '../../../test/helpers.ts';
import { createPrismaClient, type PrismaClient } from '../prisma-client.ts';
import { createTestDatabase, waitForAuditSeal, type TestDatabase } from '../testing/index.ts';
import { useOwnDatabase } from '../../../test/own-database.ts';
import { createAuditLog, sealPending } from './audit-log.ts';
import { verifyAuditChain } from './audit-chain.ts';
import { listAccessRecords } from './access-records.ts';

const VERIFY_MAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), 'main.ts');

/** Runs the verification command as an operator would (`npm run audit:verify`). */
function verifyCommand(databaseUrl: string | undefined, anchor?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { ...process.env, DATABASE_URL: databaseUrl, AUDIT_ANCHOR: anchor };
  if (anchor === undefined) delete env.AUDIT_ANCHOR;
  if (databaseUrl === undefined) delete env.DATABASE_URL;
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', VERIFY_MAIN], { env, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    actorKind: 'user',
    actorId: randomUUID(),
    actorRole: 'doctor',
    action: 'PatientsService.GetPatients',
    operation: 'PatientChart',
    resource: 'Patient',
    patientId: randomUUID(),
    fields: [],
    outcome: 'allowed',
    reason: null,
    ip: '203.0.113.7',
    userAgent: 'Mozilla/5.0 (ünïcode ✓)',
    requestId: randomUUID(),
    ...overrides,
  };
}

describe('audit trail table', () => {
  let db: TestDatabase;
  /** As the services connect (the service role). */
  let prisma: PrismaClient;
  /** As the database owner: only the tampering tests use it. */
  let owner: PrismaClient;

  beforeAll(async () => {
    db = await createTestDatabase({ serverUrl: testServerUrl() });
    prisma = createPrismaClient(db.url, { poolSize: 12 });
    owner = createPrismaClient(db.ownerUrl, { poolSize: 1 });
  });
  afterAll(async () => {
    await prisma?.$disconnect();
    await owner?.$disconnect();
    await db?.drop();
  });

  it('chains every row, gapless, under 40 concurrent writers', async () => {
    const log = createAuditLog(prisma);
    await Promise.all(Array.from({ length: 40 }, (_, i) => log.record(i % 4 === 0 ? [entry(), entry()] : [entry()])));
    await waitForAuditSeal(prisma);
    const report = await verifyAuditChain(prisma);
    expect(report).toMatchObject({ ok: true, rows: 50, head: { seq: 50 } });
    const seqs = (await prisma.accessRecord.findMany({ select: { seq: true }, orderBy: { seq: 'asc' } })).map((row) => Number(row.seq));
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('sets seq, time and hashes itself: a writer cannot choose them, nor write the chain directly', async () => {
    await expect(prisma.$executeRaw`INSERT INTO "audit"."access_log" ("seq", "occurred_at", "actor_kind", "action", "resource", "outcome", "request_id", "prev_hash", "hash")
      VALUES (999999, '2001-01-01', 'anonymous', 'X.Y', 'Patient', 'denied', 'r', 'forged', 'forged')`).rejects.toThrow(/permission denied/);
    // Through the pending table, the only way in: the time is the database's, seq and hash the chain's.
    await prisma.$executeRaw`INSERT INTO "audit"."access_log_pending" ("occurred_at", "actor_kind", "action", "resource", "outcome", "request_id")
      VALUES ('2001-01-01', 'anonymous', 'X.Y', 'Patient', 'denied', 'r')`;
    await expect(prisma.$executeRaw`DELETE FROM "audit"."access_log_pending"`).rejects.toThrow(/permission denied/);
    await expect(prisma.$executeRaw`UPDATE "audit"."access_log_pending" SET "outcome" = 'allowed'`).rejects.toThrow(/permission denied/);
    expect(await sealPending(prisma)).toBe(1);
    const last = await prisma.accessRecord.findFirstOrThrow({ orderBy: { seq: 'desc' } });
    expect(Number(last.seq)).toBe(51);
    expect(last.occurredAt.getUTCFullYear()).toBeGreaterThan(2001);
    expect((await verifyAuditChain(prisma)).ok).toBe(true);
    expect(await prisma.pendingAccessRecord.count()).toBe(0);
  });

  it("gives the services' role no way to change the trail: no UPDATE, DELETE, TRUNCATE, nor switching triggers off", async () => {
    const refused = /permission denied|must be owner|must be superuser/;
    await expect(prisma.$executeRawUnsafe('ALTER TABLE "audit"."access_log" DISABLE TRIGGER ALL')).rejects.toThrow(refused);
    await expect(prisma.$executeRawUnsafe('ALTER TABLE "audit"."access_log" DISABLE TRIGGER "access_log_append_only"')).rejects.toThrow(refused);
    await expect(prisma.$executeRaw`UPDATE "audit"."access_log" SET "outcome" = 'denied' WHERE "seq" = 1`).rejects.toThrow(refused);
    await expect(prisma.$executeRaw`DELETE FROM "audit"."access_log" WHERE "seq" = 2`).rejects.toThrow(refused);
    await expect(prisma.$executeRaw`TRUNCATE "audit"."access_log"`).rejects.toThrow(refused);
    await expect(prisma.accessRecord.update({ where: { seq: 1n }, data: { reason: 'x' } })).rejects.toThrow();
    await expect(prisma.$executeRawUnsafe('DROP TRIGGER "access_log_chain" ON "audit"."access_log"')).rejects.toThrow(refused);
    await expect(prisma.$executeRawUnsafe('ALTER ROLE CURRENT_USER SUPERUSER')).rejects.toThrow(refused);
    const [role] = await prisma.$queryRaw<Array<{ rolsuper: boolean; rolcreaterole: boolean; rolcreatedb: boolean; rolbypassrls: boolean }>>`
      SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles WHERE rolname = current_user`;
    expect(role).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false });
    // The owner is stopped by the append-only triggers too (only switching them off would help, and the chain shows it).
    await expect(owner.$executeRaw`UPDATE "audit"."access_log" SET "outcome" = 'denied' WHERE "seq" = 1`).rejects.toThrow(/append-only/);
    await expect(owner.$executeRaw`DELETE FROM "audit"."access_log" WHERE "seq" = 2`).rejects.toThrow(/append-only/);
    await expect(owner.$executeRaw`TRUNCATE "audit"."access_log"`).rejects.toThrow(/append-only/);
    expect(await prisma.accessRecord.count()).toBe(51);
  });

  it('says so from the command line when intact, and refuses a missing DATABASE_URL plainly', async () => {
    const intact = await verifyCommand(db.url);
    expect(intact).toMatchObject({ code: 0 });
    expect(intact.stdout).toMatch(/^Audit trail intact: 51 records; head seq 51, hash [0-9a-f]{64}\nAnchor for the next check: AUDIT_ANCHOR=51:[0-9a-f]{64}/);
    const missing = await verifyCommand(undefined);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('DATABASE_URL');
    expect(missing.stderr).not.toMatch(/\n\s+at /);
  });

  it('catches a cut or rewritten tail with an anchor kept outside the database', async () => {
    const anchor = (await verifyAuditChain(prisma)).head!;
    expect(anchor.seq).toBe(51);
    // Someone able to switch the guard off removes the newest row: the rest still chains.
    await owner.$executeRawUnsafe('ALTER TABLE "audit"."access_log" DISABLE TRIGGER "access_log_append_only"');
    await owner.$executeRaw`DELETE FROM "audit"."access_log" WHERE "seq" = 51`;
    await owner.$executeRawUnsafe('ALTER TABLE "audit"."access_log" ENABLE TRIGGER "access_log_append_only"');
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true, rows: 50 });
    expect(await verifyAuditChain(prisma, anchor)).toMatchObject({ ok: false, brokenAt: { seq: 51, problem: 'anchored row missing' } });
    // A new row takes its place in the chain, but not the anchored hash.
    await createAuditLog(prisma).record([entry()]);
    await waitForAuditSeal(prisma);
    expect(await verifyAuditChain(prisma, anchor)).toMatchObject({ ok: false, rows: 50, brokenAt: { seq: 51, problem: 'differs from the anchor' } });
    const command = await verifyCommand(db.url, `${anchor.seq}:${anchor.hash}`);
    expect(command.code).toBe(2);
    expect(command.stdout).toContain('Audit trail BROKEN at seq 51: differs from the anchor');
    const badAnchor = await verifyCommand(db.url, '51:nothex');
    expect(badAnchor.code).toBe(1);
    expect(badAnchor.stderr).toContain('AUDIT_ANCHOR');
  });

  it('lists newest first with filters and paging', async () => {
    const patientId = randomUUID();
    const log = createAuditLog(prisma);
    for (let i = 0; i < 3; i += 1) await log.record([entry({ patientId })]);
    const first = await listAccessRecords(prisma, { patientId }, { limit: 2 });
    expect(first.totalCount).toBe(3);
    expect(first.records).toHaveLength(2);
    expect(first.records[0]!.seq).toBeGreaterThan(first.records[1]!.seq);
    const rest = await listAccessRecords(prisma, { patientId }, { limit: 2, beforeSeq: first.records[1]!.seq });
    expect(rest.records).toHaveLength(1);
    expect(rest.records[0]).toMatchObject({ patientId, resource: 'Patient', outcome: 'allowed', ip: '203.0.113.7' });
  });

  // Last: these tamper with the chain as the owner, who can switch the guard off.
  it('reports the first altered row by seq', async () => {
    await owner.$executeRawUnsafe('ALTER TABLE "audit"."access_log" DISABLE TRIGGER "access_log_append_only"');
    await owner.$executeRaw`UPDATE "audit"."access_log" SET "outcome" = 'denied' WHERE "seq" = 17`;
    await owner.$executeRawUnsafe('ALTER TABLE "audit"."access_log" ENABLE TRIGGER "access_log_append_only"');
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: false, rows: 16, brokenAt: { seq: 17, problem: 'content altered' } });
    const command = await verifyCommand(db.url);
    expect(command.code).toBe(2);
    expect(command.stdout).toContain('Audit trail BROKEN at seq 17: content altered');
  });

  it('reports a removed row', async () => {
    await owner.$executeRawUnsafe('ALTER TABLE "audit"."access_log" DISABLE TRIGGER "access_log_append_only"');
    await owner.$executeRaw`UPDATE "audit"."access_log" SET "outcome" = 'allowed' WHERE "seq" = 17`;
    await owner.$executeRaw`DELETE FROM "audit"."access_log" WHERE "seq" = 30`;
    await owner.$executeRawUnsafe('ALTER TABLE "audit"."access_log" ENABLE TRIGGER "access_log_append_only"');
    expect(await verifyAuditChain(prisma)).toMatchObject({ ok: false, rows: 29, brokenAt: { seq: 31, problem: 'row missing before this one' } });
  });
});

describe('audit writers', () => {
  const own = useOwnDatabase();

  it('records a reused request id again a minute later: a chosen x-request-id cannot hide repeated reads', async () => {
    const owner = createPrismaClient(own.database.ownerUrl, { poolSize: 1 });
    try {
      const reused = entry({ requestId: 'chosen-by-the-client' });
      // The same access, two minutes ago (the owner may set the time, as the sealer does).
      await owner.$transaction([
        owner.$executeRawUnsafe(`SELECT set_config('audit.sealing', 'on', true)`),
        owner.$executeRaw`INSERT INTO "audit"."access_log" ("occurred_at", "actor_kind", "actor_id", "actor_role", "action", "operation", "resource", "patient_id", "fields", "outcome", "request_id", "seq", "prev_hash", "hash")
          VALUES (now() - interval '2 minutes', 'user', ${reused.actorId}, 'doctor', ${reused.action}, 'PatientChart', 'Patient', ${reused.patientId}::uuid, '{}', 'allowed', ${reused.requestId}, 0, '', '')`,
      ]);
      const log = createAuditLog(own.db);
      await log.record([reused]);
      await log.record([reused]);
      await waitForAuditSeal(own.db);
      expect(await own.db.accessRecord.count({ where: { requestId: 'chosen-by-the-client' } })).toBe(2);
      expect((await verifyAuditChain(own.db)).ok).toBe(true);
    } finally {
      await owner.$disconnect();
    }
  });

  it('does not make writers wait for one another to commit', async () => {
    // A writer has appended and not yet committed (a slow WAL flush, a busy connection). Before,
    // its trigger held the chain's lock until then, and every other audited statement waited.
    const slow = new pg.Client({ connectionString: own.database.url });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      await slow.query(
        `INSERT INTO "audit"."access_log_pending" ("actor_kind", "action", "resource", "outcome", "request_id") VALUES ('anonymous', 'X.Y', 'Patient', 'denied', 'slow')`,
      );
      const other = createAuditLog(own.db).record([entry()]);
      const waited = await Promise.race([other.then(() => 'done'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 3_000))]);
      expect(waited).toBe('done');
      await waitForAuditSeal(own.db);
      await slow.query('COMMIT');
    } finally {
      await slow.end();
    }
    // The slow writer's row is chained by the next seal, after the other's.
    await sealPending(own.db);
    const rows = await own.db.accessRecord.findMany({ orderBy: { seq: 'asc' } });
    expect(rows.slice(-2).map((row) => row.requestId === 'slow')).toEqual([false, true]);
    expect((await verifyAuditChain(own.db)).ok).toBe(true);
  });
});
