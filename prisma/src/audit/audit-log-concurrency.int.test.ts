/**
 * Concurrent audit writers against real PostgreSQL. Each INSERT takes the pending table's
 * once-per-request index entries row by row; two INSERTs sharing keys in opposite orders used to
 * wait on each other (40P01 deadlock detected), as when one router request fans out two parallel
 * `_entities` fetches {P1,P2} and {P2,P1} under the same request id, actor and action.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '@hospital/service-kit';
import { testServerUrl } from '../../../test/helpers.ts';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { createAuditLog } from './audit-log.ts';

/** One access by one request: the key differs only in the patient. */
function access(requestId: string, actorId: string, patientId: string): AuditEntry {
  return {
    actorKind: 'user',
    actorId,
    actorRole: 'doctor',
    action: 'PatientsService.GetPatients',
    operation: 'PatientChart',
    resource: 'Patient',
    patientId,
    fields: ['name'],
    outcome: 'allowed',
    reason: null,
    ip: null,
    userAgent: null,
    requestId,
  };
}

describe('audit log under concurrent writers with overlapping keys', () => {
  let db: TestDatabase;
  let pool: pg.Pool;

  beforeAll(async () => {
    db = await createTestDatabase({ serverUrl: testServerUrl() });
    pool = new pg.Pool({ connectionString: db.url, max: 8 });
    // A connection the server ends (the drop below, an overloaded CI host) must not surface as an
    // unhandled 'error' event of an idle client; the assertions report real failures.
    pool.on('error', () => undefined);
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('never deadlocks and records each key exactly once, whatever order the writers send them in', async () => {
    const rounds = 40;
    const writers = 6;
    const patientsPerRound = 12;
    const requestIds: string[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const requestId = randomUUID();
      requestIds.push(requestId);
      const actorId = randomUUID();
      const patients = Array.from({ length: patientsPerRound }, () => randomUUID());
      // Separate sinks, so each writer's rows travel as an INSERT of their own (no combining).
      await Promise.all(
        Array.from({ length: writers }, (_, writer) => {
          const order = writer % 2 === 0 ? patients : [...patients].reverse();
          // Some writers repeat a key inside their own batch, as two fields of one patient would.
          const batch = writer % 3 === 0 ? [...order, order[0]!] : order;
          return createAuditLog(pool).record(batch.map((patientId) => access(requestId, actorId, patientId)));
        }),
      );
    }
    // The key includes the minute of the access: a round straddling a minute may keep one row per minute.
    const { rows: repeated } = await pool.query(
      `SELECT "request_id", "patient_id" FROM "audit"."access_log_pending" WHERE "request_id" = ANY($1::text[])
        GROUP BY "request_id", "patient_id", date_trunc('minute', timezone('UTC', "occurred_at")) HAVING count(*) > 1`,
      [requestIds],
    );
    expect(repeated).toEqual([]);
    const {
      rows: [recorded],
    } = await pool.query<{ keys: string }>(
      `SELECT count(DISTINCT ("request_id", "patient_id"))::text AS "keys" FROM "audit"."access_log_pending" WHERE "request_id" = ANY($1::text[])`,
      [requestIds],
    );
    expect(Number(recorded?.keys)).toBe(rounds * patientsPerRound);
  }, 120_000);
});
