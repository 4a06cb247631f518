/**
 * A clinician acting through a registered app (authorization code) is recorded as the user AND the
 * app, an app acting as itself by its client id and name, and both facts are inside the hash
 * chain: adding, changing or removing a row's app is caught by the verifier, on rows chained by the
 * batch seal and by the per-row trigger alike, while rows without an app hash as before.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEntries, type Caller } from '@hospital/service-kit';
import { waitForAuditSeal } from '../testing/index.ts';
import { listAccessRecords } from './access-records.ts';
import { verifyAuditChain } from './audit-chain.ts';
import { useAuditTestDatabase } from './testing/audit-test-database.ts';
import { createAuditLog } from './audit-log.ts';

const CLIENT_ID = randomUUID();
const USER_ID = randomUUID();
const PATIENT_ID = randomUUID();
const throughApp: Caller = {
  kind: 'user',
  userId: USER_ID,
  role: 'doctor',
  email: 'acting-app-doctor@hospital.test',
  app: { clientId: CLIENT_ID, name: 'Acting App Chart Viewer', scopes: ['user/Patient.rs'] },
};
const appItself: Caller = { kind: 'app', clientId: CLIENT_ID, name: 'Acting App Chart Viewer', scopes: ['system/Patient.rs'] };
const alone: Caller = { kind: 'user', userId: USER_ID, role: 'doctor', email: 'acting-app-doctor@hospital.test' };

const entriesOf = (caller: Caller, requestId: string) =>
  auditEntries({ caller, origin: {}, requestId, path: '/hospital.patients.v1.PatientsService/GetPatients' }, 'Patient', [PATIENT_ID], { outcome: 'allowed' });

describe('the app in the audit trail', () => {
  const audit = useAuditTestDatabase();
  const { tamper } = audit;

  beforeAll(async () => {
    const sink = createAuditLog(audit.prisma);
    await sink.record([...entriesOf(alone, 'acting-app-1'), ...entriesOf(throughApp, 'acting-app-2'), ...entriesOf(appItself, 'acting-app-3')]);
    await waitForAuditSeal(audit.prisma);
  });

  it('names the user and the app for a user acting through an app, and the app acting as itself', async () => {
    const { records } = await listAccessRecords(audit.prisma, {}, { limit: 10 });
    const byRequest = new Map(records.map((record) => [record.requestId, record]));
    expect(byRequest.get('acting-app-1')).toMatchObject({ actorKind: 'user', actorId: USER_ID, actorRole: 'doctor' });
    expect(byRequest.get('acting-app-1')?.app).toBeUndefined();
    expect(byRequest.get('acting-app-2')).toMatchObject({
      actorKind: 'user',
      actorId: USER_ID,
      actorRole: 'doctor',
      app: { clientId: CLIENT_ID, name: 'Acting App Chart Viewer' },
    });
    expect(byRequest.get('acting-app-3')).toMatchObject({ actorKind: 'app', actorId: CLIENT_ID, app: { clientId: CLIENT_ID, name: 'Acting App Chart Viewer' } });
    expect(await verifyAuditChain(audit.prisma)).toMatchObject({ ok: true, rows: 3 });
  });

  it.each([
    ['changed', `UPDATE audit.access_log SET app_id = 'another-app' WHERE request_id = 'acting-app-2'`, 'acting-app-2'],
    ['renamed', `UPDATE audit.access_log SET app_name = 'Innocent App' WHERE request_id = 'acting-app-2'`, 'acting-app-2'],
    ['removed', `UPDATE audit.access_log SET app_id = NULL, app_name = NULL WHERE request_id = 'acting-app-2'`, 'acting-app-2'],
    ['added', `UPDATE audit.access_log SET app_id = '${CLIENT_ID}', app_name = 'x' WHERE request_id = 'acting-app-1'`, 'acting-app-1'],
  ])('catches an app %s after sealing', async (_how, statement, requestId) => {
    const { rows } = await audit.owner.query<{ seq: string; app_id: string | null; app_name: string | null }>(
      `SELECT seq, app_id, app_name FROM audit.access_log WHERE request_id = $1`,
      [requestId],
    );
    const row = rows[0];
    if (!row) throw new Error(`no row for ${requestId}`);
    await tamper(statement);
    expect(await verifyAuditChain(audit.prisma)).toMatchObject({ ok: false, brokenAt: { seq: Number(row.seq), problem: 'content altered' } });
    await tamper(`UPDATE audit.access_log SET app_id = ${literal(row.app_id)}, app_name = ${literal(row.app_name)} WHERE seq = ${row.seq}`);
    expect((await verifyAuditChain(audit.prisma)).ok).toBe(true);
  });

  it('chains the app through the per-row trigger the same way', async () => {
    await audit.owner.query(
      `INSERT INTO audit.access_log (seq, actor_kind, actor_id, actor_role, action, resource, outcome, request_id, app_id, app_name, prev_hash, hash)
       VALUES (0, 'user', $1, 'doctor', 'PatientsService.GetPatients', 'Patient', 'allowed', 'acting-app-4', $2, 'Acting App Chart Viewer', '', '')`,
      [USER_ID, CLIENT_ID],
    );
    expect(await verifyAuditChain(audit.prisma)).toMatchObject({ ok: true, rows: 4 });
    await tamper(`UPDATE audit.access_log SET app_name = 'Innocent App' WHERE request_id = 'acting-app-4'`);
    expect(await verifyAuditChain(audit.prisma)).toMatchObject({ ok: false, brokenAt: { seq: 4, problem: 'content altered' } });
  });
});

/** A SQL literal of a nullable text (test values only). */
function literal(value: string | null): string {
  return value === null ? 'NULL' : `'${value.replace(/'/g, "''")}'`;
}
