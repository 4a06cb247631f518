/**
 * The bulk load's deferred indexes leave the schema exactly as the migrations define it, every
 * constraint enforced; a load that breaks one rolls back whole; tables with rows keep theirs on.
 * Real PostgreSQL (createTestDatabase).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@hospital/db/testing';
import { loadWithDeferredIndexes } from './deferred-indexes.ts';
import { loadScaleData } from './scale-data.ts';

const TABLES = ['patients.patients', 'appointments.appointments', 'appointments.appointment_status_changes'];
const SCHEMA = `
  SELECT conrelid::regclass::text AS table, conname AS name, pg_get_constraintdef(oid) AS sql, convalidated AS valid
    FROM pg_constraint WHERE conrelid = ANY($1::regclass[])
  UNION ALL
  SELECT indrelid::regclass::text, indexrelid::regclass::text, pg_get_indexdef(indexrelid), indisvalid
    FROM pg_index WHERE indrelid = ANY($1::regclass[])
   ORDER BY 1, 2`;

describe('bulk load with deferred indexes', () => {
  let database: TestDatabase;
  let client: pg.Client;
  let migrated: unknown[];

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new pg.Client({ connectionString: database.ownerUrl });
    await client.connect();
    migrated = (await client.query(SCHEMA, [TABLES])).rows;
  });
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('a load that breaks a constraint rolls back whole, indexes and constraints restored', async () => {
    const load = async () => {
      await client.query(`INSERT INTO patients.patients (id, given_name, family_name, date_of_birth, sex, updated_at, mrn)
                          VALUES (gen_random_uuid(), 'A', 'B', '1990-01-01', 'female', now(), 'MRN-X'), (gen_random_uuid(), 'C', 'D', '1990-01-01', 'male', now(), 'MRN-X')`);
    };
    await expect(loadWithDeferredIndexes(client, ['patients.patients'], load)).rejects.toThrow(/unique|duplicate/i);
    expect((await client.query(SCHEMA, [TABLES])).rows).toEqual(migrated);
    expect((await client.query('SELECT count(*)::int AS n FROM patients.patients')).rows[0].n).toBe(0);
  });

  it('loads into fresh tables with indexes deferred and leaves the migrated schema, every constraint enforced', async () => {
    const data = await loadScaleData(database.ownerUrl, { patients: 300, appointments: 3_000, doctors: 3, passwordHash: 'x' });
    expect(data.seconds['indexes and constraints']).toBeGreaterThanOrEqual(0);
    expect((await client.query(SCHEMA, [TABLES])).rows).toEqual(migrated);
    // The exclusion constraint holds: a second active appointment over a doctor's scheduled one.
    const active = (await client.query(`SELECT doctor_id, patient_id, starts_at, ends_at FROM appointments.appointments WHERE status = 'SCHEDULED' LIMIT 1`)).rows[0];
    const other = (await client.query('SELECT id FROM patients.patients WHERE id <> $1 LIMIT 1', [active.patient_id])).rows[0];
    await expect(
      client.query(
        `INSERT INTO appointments.appointments (id, patient_id, doctor_id, starts_at, ends_at, status, updated_at) VALUES (gen_random_uuid(), $1, $2, $3, $4, 'SCHEDULED', now())`,
        [other.id, active.doctor_id, active.starts_at, active.ends_at],
      ),
    ).rejects.toThrow(/exclusion constraint/);
    await expect(
      client.query(`INSERT INTO appointments.appointment_status_changes (id, appointment_id, to_status) VALUES (gen_random_uuid(), gen_random_uuid(), 'SCHEDULED')`),
    ).rejects.toThrow(/foreign key/);
  });

  it('keeps the indexes on when a table already holds rows', async () => {
    const result = await loadWithDeferredIndexes(client, ['patients.patients'], async () => {
      const during = (await client.query(`SELECT count(*)::int AS n FROM pg_indexes WHERE schemaname = 'patients' AND tablename = 'patients'`)).rows[0].n;
      expect(during).toBeGreaterThan(1);
    });
    expect(result.indexes).toBe('kept');
  });
});
