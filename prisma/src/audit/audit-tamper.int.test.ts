/**
 * Rows chained by the batch sealer are as tamper-evident as the per-row trigger's: the owner, who
 * can switch the guards off, is caught editing, deleting, inserting or reordering sealed rows.
 * The verification command also raises an alert for rows left pending (no sealer running). And
 * the sealer's migration upgrades a database that already holds chained and pending rows.
 */
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { useBareDatabase } from '../../../test/own-database.ts';
import { createPrismaClient, type PrismaClient } from '../prisma-client.ts';
import { waitForAuditSeal } from '../testing/index.ts';
import { verifyAuditChain } from './audit-chain.ts';
import { useAuditTestDatabase } from './testing/audit-test-database.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MIGRATIONS = path.resolve(HERE, '../../migrations');
const ASYNC_SEALER = '20261206175000_audit_async_sealer';

/** Appends `count` pending rows as the services' role may. */
const append = (prisma: PrismaClient, prefix: string, count: number) =>
  prisma.$executeRawUnsafe(
    `INSERT INTO audit.access_log_pending (actor_kind, actor_id, action, resource, outcome, request_id)
   SELECT 'user', 'u' || g, 'PatientsService.GetPatients', 'Patient', 'allowed', '${prefix}' || g FROM generate_series(1, ${count}) g`,
  );

describe('tampering with batch-sealed rows', () => {
  const audit = useAuditTestDatabase();
  const { tamper } = audit;

  it('finds an edited row', async () => {
    await append(audit.prisma, 'edit-', 40);
    await waitForAuditSeal(audit.prisma);
    expect(await verifyAuditChain(audit.prisma)).toMatchObject({ ok: true, rows: 40 });
    await tamper(`UPDATE audit.access_log SET actor_id = 'someone else' WHERE seq = 7`);
    expect(await verifyAuditChain(audit.prisma)).toMatchObject({ ok: false, brokenAt: { seq: 7, problem: 'content altered' } });
    await tamper(`UPDATE audit.access_log SET actor_id = 'u7' WHERE seq = 7`);
    expect((await verifyAuditChain(audit.prisma)).ok).toBe(true);
  });

  it('finds a deleted row', async () => {
    await tamper(`CREATE TEMP TABLE kept AS SELECT * FROM audit.access_log WHERE seq = 12`, `DELETE FROM audit.access_log WHERE seq = 12`);
    expect(await verifyAuditChain(audit.prisma)).toMatchObject({ ok: false, brokenAt: { seq: 13, problem: 'row missing before this one' } });
    await audit.owner.query(`SET audit.sealing = 'batch'`);
    await audit.owner.query('INSERT INTO audit.access_log SELECT * FROM kept');
    await audit.owner.query(`RESET audit.sealing`);
    expect((await verifyAuditChain(audit.prisma)).ok).toBe(true);
  });

  it('finds a row inserted in the middle, even with seq shifted and a hash that links', async () => {
    await tamper(
      `CREATE TEMP TABLE snapshot AS SELECT * FROM audit.access_log`,
      // Make room after seq 20 and slip a row in that claims the right predecessor.
      `UPDATE audit.access_log SET seq = seq + 1000 WHERE seq > 20`,
      `UPDATE audit.access_log SET seq = seq - 999 WHERE seq > 1000`,
      `SET audit.sealing = 'batch'`,
      `INSERT INTO audit.access_log (seq, occurred_at, actor_kind, action, resource, outcome, request_id, prev_hash, hash)
       SELECT 21, now(), 'user', 'X.Y', 'Patient', 'allowed', 'slipped-in', hash, encode(sha256(convert_to(hash || '|forged', 'UTF8')), 'hex') FROM audit.access_log WHERE seq = 20`,
      `RESET audit.sealing`,
    );
    expect(await verifyAuditChain(audit.prisma)).toMatchObject({ ok: false, brokenAt: { seq: 21, problem: 'content altered' } });
  });

  it('finds two sealed rows swapped', async () => {
    await tamper(`DELETE FROM audit.access_log`, `SET audit.sealing = 'batch'`, `INSERT INTO audit.access_log SELECT * FROM snapshot`, `RESET audit.sealing`);
    expect((await verifyAuditChain(audit.prisma)).ok).toBe(true);
    await tamper(`UPDATE audit.access_log SET seq = -5 WHERE seq = 5`, `UPDATE audit.access_log SET seq = 5 WHERE seq = 6`, `UPDATE audit.access_log SET seq = 6 WHERE seq = -5`);
    expect(await verifyAuditChain(audit.prisma)).toMatchObject({ ok: false, brokenAt: { seq: 5 } });
  });

  it('raises an alert from the command line for rows pending too long', async () => {
    await append(audit.prisma, 'stuck-', 3);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: audit.db.url, AUDIT_PENDING_MAX_AGE_SECONDS: '1' };
    delete env.AUDIT_ANCHOR;
    // Swapped rows make the chain check fail first: put them back.
    await tamper(`UPDATE audit.access_log SET seq = -5 WHERE seq = 5`, `UPDATE audit.access_log SET seq = 5 WHERE seq = 6`, `UPDATE audit.access_log SET seq = 6 WHERE seq = -5`);
    const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', path.join(HERE, 'main.ts')], { env, timeout: 30_000 }, (error, stdout) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout }),
      );
    });
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(/Pending \(not yet chained\): 3 rows, oldest \d+\.\d s\nALERT: rows pending longer than 1 s/);
  });
});

describe('the async sealer migration on a database in use', () => {
  const fresh = useBareDatabase({ skipMigrations: true });

  it('chains pending rows after the rows the previous sealer chained, verifiably', async () => {
    const owner = new pg.Client({ connectionString: fresh.database.ownerUrl });
    await owner.connect();
    try {
      const migrations = readdirSync(MIGRATIONS)
        .filter((name) => /^\d{14}_/.test(name))
        .sort();
      const apply = async (names: string[]) => {
        for (const name of names) await owner.query(readFileSync(path.join(MIGRATIONS, name, 'migration.sql'), 'utf8'));
      };
      await apply(migrations.filter((name) => name < ASYNC_SEALER));
      const insert = (prefix: string) =>
        owner.query(`INSERT INTO audit.access_log_pending (actor_kind, action, resource, outcome, request_id)
          SELECT 'service', 'X.Y', 'Patient', 'allowed', '${prefix}' || g FROM generate_series(1, 300) g`);
      await insert('old-');
      await owner.query('SELECT audit.seal_pending(NULL)');
      await insert('pending-');
      await apply(migrations.filter((name) => name >= ASYNC_SEALER));
      expect(Number((await owner.query('SELECT audit.seal_batch(1000) AS n')).rows[0].n)).toBe(300);
      const prisma = createPrismaClient(fresh.database.ownerUrl, { poolSize: 1 });
      try {
        expect(await verifyAuditChain(prisma)).toMatchObject({ ok: true, rows: 600, head: { seq: 600 } });
        expect(await prisma.accessRecord.findFirstOrThrow({ where: { seq: 301n } })).toMatchObject({ requestId: 'pending-1' });
      } finally {
        await prisma.$disconnect();
      }
    } finally {
      await owner.end();
    }
  });
});
