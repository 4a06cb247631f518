import { readdirSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServerUrl } from '../../test/helpers.ts';
import { useBareDatabase } from '../../test/own-database.ts';
import { MigrationError, migrateDatabase } from './migrate-database.ts';
import { checkSchemaDrift } from './schema-drift.ts';

const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrations');

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Every relation (table, index, sequence, …) outside the system schemas: the shape of the database. */
const relations = (url: string) =>
  query<{ name: string }>(
    url,
    `SELECT n.nspname || '.' || c.relname || ':' || c.relkind::text AS name FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') ORDER BY 1`,
  ).then((rows) => rows.map((row) => row.name));

const migrationRows = (url: string) => query(url, 'SELECT * FROM _prisma_migrations ORDER BY started_at, migration_name');

describe('migrateDatabase on a fresh database', () => {
  const fresh = useBareDatabase({ skipMigrations: true });

  it('applies every migration in order and creates the department tables and the MRN sequence', async () => {
    const result = await migrateDatabase(fresh.database.ownerUrl);

    const onDisk = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(onDisk[0]).toMatch(/^\d{14}_init$/);
    expect(result.applied).toEqual(onDisk);
    const names = await relations(fresh.database.ownerUrl);
    expect(names).toEqual(
      expect.arrayContaining([
        'identity.users:r',
        'identity.refresh_tokens:r',
        'patients.patients:r',
        'patients.mrn_seq:S',
        'patients.patients_family_key_idx:i',
        'patients.patients_given_key_idx:i',
        'patients.patients_date_of_birth_idx:i',
        'patients.patients_mrn_key:i',
        'public._prisma_migrations:r',
      ]),
    );
  });

  it('enforces lower-case emails and numbers patients from the sequence', async () => {
    await expect(
      query(
        fresh.database.ownerUrl,
        `INSERT INTO identity.users (id, email, display_name, role, password_hash, updated_at)
                     VALUES (gen_random_uuid(), 'Mixed@Hospital.local', 'X', 'admin', 'x', now())`,
      ),
    ).rejects.toThrow(/users_email_lower_check/);
    const [row] = await query<{ mrn: string }>(
      fresh.database.ownerUrl,
      `INSERT INTO patients.patients (id, given_name, family_name, date_of_birth, updated_at)
       VALUES (gen_random_uuid(), 'Test', 'Patient', '2000-01-01', now()) RETURNING mrn`,
    );
    expect(row?.mrn).toMatch(/^MRN-\d{6}$/);
  });

  it('is a no-op the second time', async () => {
    const before = await migrationRows(fresh.database.ownerUrl);
    const result = await migrateDatabase(fresh.database.ownerUrl);

    expect(result.applied).toEqual([]);
    expect(await migrationRows(fresh.database.ownerUrl)).toEqual(before);
  });
});

describe('migrateDatabase with a failing migration', () => {
  const migrated = useBareDatabase();
  let workDir: string;
  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'hospital-migrations-'));
  });
  afterAll(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('leaves the schema as it was and reports the error', async () => {
    const migrationsDir = path.join(workDir, 'migrations');
    await cp(MIGRATIONS_DIR, migrationsDir, { recursive: true });
    await mkdir(path.join(migrationsDir, '29990101000000_broken'));
    // The first statement succeeds; the second fails, so a partial apply would leave the table.
    await writeFile(
      path.join(migrationsDir, '29990101000000_broken', 'migration.sql'),
      'CREATE TABLE "patients"."half_done" ("id" UUID PRIMARY KEY);\nSELECT * FROM "patients"."no_such_table";\n',
    );
    const before = await relations(migrated.database.ownerUrl);

    const failure = await migrateDatabase(migrated.database.ownerUrl, { migrationsDir }).then(
      () => undefined,
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(MigrationError);
    expect((failure as MigrationError).message).toContain('no_such_table');
    expect(await relations(migrated.database.ownerUrl)).toEqual(before);
    // Prisma's own bookkeeping records the failure, so the next deploy stops until it is resolved.
    const rows = await query<{ migration_name: string; finished_at: Date | null }>(
      migrated.database.ownerUrl,
      `SELECT migration_name, finished_at FROM _prisma_migrations WHERE migration_name = '29990101000000_broken'`,
    );
    expect(rows).toEqual([{ migration_name: '29990101000000_broken', finished_at: null }]);
  });
});

describe('checkSchemaDrift', () => {
  let workDir: string;
  beforeAll(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'hospital-drift-'));
  });
  afterAll(() => (workDir ? rm(workDir, { recursive: true, force: true }) : undefined));

  // The shadow database replays the hand-written CHECK and expression indexes: this also guards
  // the wasm engine shim, whose describer once panicked on CHECK constraints.
  it('finds the migrations in sync with the Prisma schema', async () => {
    const result = await checkSchemaDrift(testServerUrl());

    expect(result).toMatchObject({ inSync: true });
  });

  it('reports a migration that strays from the schema', async () => {
    const migrationsDir = path.join(workDir, 'migrations');
    await cp(MIGRATIONS_DIR, migrationsDir, { recursive: true });
    await mkdir(path.join(migrationsDir, '29990101000000_stray'));
    await writeFile(path.join(migrationsDir, '29990101000000_stray', 'migration.sql'), 'ALTER TABLE "patients"."patients" ADD COLUMN "nickname" TEXT;\n');

    const result = await checkSchemaDrift(testServerUrl(), { migrationsDir });

    expect(result.inSync).toBe(false);
    expect(result.output).toContain('nickname');
  });
});
