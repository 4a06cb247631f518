/**
 * Department roles against real PostgreSQL: a login in `hospital_patients` reaches the patients'
 * rows and the audit trail's append path, nothing of another department, and cannot change the
 * trail; identity's may read the trail. Roles are made for this test and dropped after it.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testServerUrl } from '../../test/helpers.ts';
import { databaseUrlFor } from './ensure-database.ts';
import { databaseUrlAs, departmentRole, dropServiceRole, ensureServiceRole } from './service-role.ts';
import { createTestDatabase, type TestDatabase } from './testing/index.ts';

let db: TestDatabase;
let maintenance: string;
const suffix = randomBytes(4).toString('hex');
const logins = { patients: `t_${suffix}_patients`, identity: `t_${suffix}_identity` };

/** Runs one statement as a login; resolves to the rows or rejects with PostgreSQL's message. */
async function as(role: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: databaseUrlAs(db.ownerUrl, role, 'pw') });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  db = await createTestDatabase({ serverUrl: testServerUrl() });
  maintenance = databaseUrlFor(db.ownerUrl, 'postgres');
  await ensureServiceRole(maintenance, logins.patients, 'pw', departmentRole('patients'));
  await ensureServiceRole(maintenance, logins.identity, 'pw', departmentRole('identity'));
});
afterAll(async () => {
  await db?.drop();
  for (const role of Object.values(logins)) await dropServiceRole(maintenance, role).catch(() => undefined);
});

describe('a department role', () => {
  it("reads and writes its own department's rows and appends to the audit trail", async () => {
    await as(logins.patients, `INSERT INTO patients.patients (id, given_name, family_name, date_of_birth, updated_at) VALUES (gen_random_uuid(), 'A', 'B', '2000-01-01', now())`);
    expect(await as(logins.patients, 'SELECT count(*)::int AS n FROM patients.patients')).toEqual([{ n: 1 }]);
    await as(logins.patients, `INSERT INTO audit.access_log_pending (actor_kind, action, resource, outcome, request_id) VALUES ('service', 'X.Y', 'Patient', 'allowed', 'r1')`);
    expect(await as(logins.patients, 'SELECT audit.seal_pending(NULL)::int AS sealed')).toEqual([{ sealed: 1 }]);
  });

  it("reaches nothing of another department, and cannot read or change the trail's chain", async () => {
    for (const sql of [
      'SELECT count(*) FROM identity.users',
      'SELECT count(*) FROM finance.invoices',
      'SELECT count(*) FROM audit.access_log',
      'DELETE FROM audit.access_log_pending',
      'ALTER TABLE audit.access_log DISABLE TRIGGER ALL',
      'CREATE TABLE patients.sneaky (id int)',
    ]) {
      await expect(as(logins.patients, sql), sql).rejects.toThrow(/permission denied|must be owner/);
    }
  });

  it('of identity reads the trail for admins, and nothing of patients', async () => {
    expect(await as(logins.identity, 'SELECT count(*)::int AS n FROM audit.access_log')).toEqual([{ n: 1 }]);
    await expect(as(logins.identity, 'SELECT count(*) FROM patients.patients')).rejects.toThrow(/permission denied/);
  });
});
