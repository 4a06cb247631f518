/**
 * Allergy changes through the real service: only the care team changes the list (without the
 * appointments and ward departments to ask, as here, that is admins and services only; the care
 * relationships themselves are proven end to end in router/test/e2e/allergy-care.int.test.ts),
 * and every change is kept in the history in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { createPatientsClient } from '@hospital/grpc-contracts';
import { createLogger } from '@hospital/service-kit';
import { expectGrpcError, harnessForFile } from '@hospital/service-kit/testing';
import { startPatientsService } from './patients-service.ts';
import { startPatientsHarness } from './testing/patients-harness.ts';
import { waitForAuditSeal } from '@hospital/db/testing';

const harness = harnessForFile(() => startPatientsHarness(testDatabaseUrl()));

/** A patient's whole history, oldest first (the service answers newest first, a page at a time). */
const history = async (patientId: string) =>
  (await harness.client.getAllergyHistories({ patientIds: [patientId] }, { metadata: harness.as('pharmacist') })).changes
    .map((c) => ({ changedBy: c.changedBy, changedByRole: c.changedByRole, before: c.before, after: c.after }))
    .reverse();

describe('changing allergies', () => {
  it('refuses a doctor with no care relationship, changes nothing, and audits the refusal as denied', async () => {
    const patient = await harness.register({ allergies: ['Latex'] });
    const doctorId = randomUUID();
    const requestId = `req-allergy-${randomUUID()}`;
    const attempt = harness.client.updatePatient(
      { id: patient.id, phone: '+44 20 7946 0001', allergies: [], setAllergies: true },
      { metadata: harness.as('doctor', doctorId, requestId) },
    );
    await expectGrpcError(attempt, status.PERMISSION_DENIED);
    await expectGrpcError(
      harness.client.updatePatient({ id: patient.id, allergies: ['Nuts'], setAllergies: true }, { metadata: harness.as('ward_staff') }),
      status.PERMISSION_DENIED,
    );
    const [after] = (await harness.client.getPatients({ ids: [patient.id] }, { metadata: harness.as('doctor') })).patients;
    expect(after).toMatchObject({ allergies: ['Latex'], phone: '' });
    await waitForAuditSeal(harness.db);
    const rows = await harness.db.accessRecord.findMany({ where: { requestId }, select: { actorId: true, outcome: true, reason: true, patientId: true, fields: true } });
    expect(rows).toEqual([{ actorId: doctorId, outcome: 'denied', reason: 'FORBIDDEN', patientId: patient.id, fields: ['phone', 'allergies'] }]);
    // Other details stay open to every clinical writer.
    await expect(harness.client.updatePatient({ id: patient.id, phone: '+44 20 7946 0002' }, { metadata: harness.as('doctor', doctorId) })).resolves.toMatchObject({
      phone: '+44 20 7946 0002',
    });
  });

  it('keeps who, when, before and after for every change, from registration on; an identical list is no change', async () => {
    const registrar = randomUUID();
    const patient = await harness.client.registerPatient(
      { givenName: 'Hist', familyName: `Allergy${randomUUID().slice(0, 8)}`, dateOfBirth: '1980-01-01', allergies: ['Latex'] },
      { metadata: harness.as('ward_staff', registrar) },
    );
    const adminId = randomUUID();
    const admin = { metadata: harness.as('admin', adminId) };
    await harness.client.updatePatient({ id: patient.id, allergies: ['Latex', 'Penicillin'], setAllergies: true }, admin);
    await harness.client.updatePatient({ id: patient.id, allergies: ['Latex', 'Penicillin'], setAllergies: true }, admin);
    await harness.client.updatePatient({ id: patient.id, allergies: [], setAllergies: true }, admin);
    expect(await history(patient.id)).toEqual([
      { changedBy: registrar, changedByRole: 'ward_staff', before: [], after: ['Latex'] },
      { changedBy: adminId, changedByRole: 'admin', before: ['Latex'], after: ['Latex', 'Penicillin'] },
      { changedBy: adminId, changedByRole: 'admin', before: ['Latex', 'Penicillin'], after: [] },
    ]);
    const [first] = (await harness.client.getAllergyHistories({ patientIds: [patient.id] }, admin)).changes;
    expect(Date.parse(first!.changedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('keeps the history for good: the database refuses to edit, delete or truncate it', async () => {
    const patient = await harness.register({ allergies: ['Latex'] });
    await expect(harness.db.allergyChange.updateMany({ where: { patientId: patient.id }, data: { after: [] } })).rejects.toThrow(/append-only/);
    await expect(harness.db.allergyChange.deleteMany({ where: { patientId: patient.id } })).rejects.toThrow(/append-only/);
    await expect(harness.db.$executeRawUnsafe('TRUNCATE patients.allergy_changes')).rejects.toThrow(/append-only|permission denied/);
    expect(await history(patient.id)).toHaveLength(1);
  });

  it('records each of many concurrent changes against the list it replaced', async () => {
    const patient = await harness.register();
    const admin = { metadata: harness.as('admin') };
    const lists = [['A1'], ['B2'], ['C3'], ['D4'], ['E5']];
    await Promise.all(lists.map((allergies) => harness.client.updatePatient({ id: patient.id, allergies, setAllergies: true }, admin)));
    const changes = await history(patient.id);
    expect(changes).toHaveLength(5);
    // A chain: each change starts from the previous one's result.
    changes.forEach((change, i) => expect(change.before).toEqual(i === 0 ? [] : changes[i - 1]!.after));
  });

  it('lets only those who read allergies read the history', async () => {
    const patient = await harness.register();
    await expectGrpcError(harness.client.getAllergyHistories({ patientIds: [patient.id] }, { metadata: harness.as('finance') }), status.PERMISSION_DENIED);
    await expectGrpcError(harness.client.getAllergyHistories({ patientIds: ['nope'] }, { metadata: harness.as('doctor') }), status.INVALID_ARGUMENT, { field: 'patientIds' });
    const requestId = `req-history-${randomUUID()}`;
    const readerId = randomUUID();
    await expect(harness.client.getAllergyHistories({ patientIds: [patient.id] }, { metadata: harness.as('ward_staff', readerId, requestId) })).resolves.toEqual({
      changes: [],
      patientsWithMore: [],
    });
    // Reading the history is a look into the patient's data: audited like any other.
    await waitForAuditSeal(harness.db);
    const rows = await harness.db.accessRecord.findMany({ where: { requestId }, select: { actorId: true, resource: true, outcome: true, patientId: true } });
    expect(rows).toEqual([{ actorId: readerId, resource: 'AllergyHistory', outcome: 'allowed', patientId: patient.id }]);
  });
});

describe('a long allergy history', () => {
  /** Stores `count` changes of the longest lists (50 allergies of 100 characters, ~10 KB a change). */
  async function longHistory(patientId: string, count: number): Promise<void> {
    const list = (tag: number) => Array.from({ length: 50 }, (_, i) => `${tag}-${i}-`.padEnd(100, 'x'));
    const start = Date.UTC(2026, 0, 1);
    await harness.db.allergyChange.createMany({
      data: Array.from({ length: count }, (_, i) => ({
        patientId,
        changedBy: 'service:test',
        changedAt: new Date(start + i * 60_000),
        before: list(i),
        after: list(i + 1),
      })),
    });
  }

  it('still reads, a page at a time, newest first, for it and the patients read with it', async () => {
    const [flooded, other] = [await harness.register(), await harness.register({ allergies: ['Latex'] })];
    // 420 changes of ~10 KB: together past gRPC's 4 MB answer limit.
    await longHistory(flooded.id, 420);
    const pharmacist = { metadata: harness.as('pharmacist') };
    const both = await harness.client.getAllergyHistories({ patientIds: [flooded.id, other.id], first: 0, after: '' }, pharmacist);
    expect(both.changes.filter((c) => c.patientId === flooded.id)).toHaveLength(20);
    expect(both.changes.filter((c) => c.patientId === other.id).map((c) => c.after)).toEqual([['Latex']]);
    expect(both.patientsWithMore).toEqual([flooded.id]);
    // Newest first, then the next page from the cursor, to the very first change.
    const seen: string[] = [];
    let after = '';
    for (let page = 0; page < 30; page += 1) {
      const answer = await harness.client.getAllergyHistories({ patientIds: [flooded.id], first: 20, after }, pharmacist);
      seen.push(...answer.changes.map((c) => c.changedAt));
      if (answer.patientsWithMore.length === 0) break;
      after = answer.changes.at(-1)!.id;
    }
    expect(seen).toHaveLength(420);
    expect([...seen].sort().reverse()).toEqual(seen);
    expect(new Set(seen).size).toBe(420);
  });

  it('caps the page and the patients per call, and takes a cursor only for one patient', async () => {
    const patient = await harness.register();
    await longHistory(patient.id, 30);
    const doctor = { metadata: harness.as('doctor') };
    expect((await harness.client.getAllergyHistories({ patientIds: [patient.id], first: 1000 }, doctor)).changes).toHaveLength(20);
    const six = Array.from({ length: 6 }, () => randomUUID());
    await expectGrpcError(harness.client.getAllergyHistories({ patientIds: six }, doctor), status.INVALID_ARGUMENT, { field: 'patientIds' });
    await expectGrpcError(harness.client.getAllergyHistories({ patientIds: [patient.id, randomUUID()], after: randomUUID() }, doctor), status.INVALID_ARGUMENT, { field: 'after' });
    await expectGrpcError(harness.client.getAllergyHistories({ patientIds: [patient.id], after: 'nope' }, doctor), status.INVALID_ARGUMENT, { field: 'after' });
    // A cursor must be a change of that patient.
    await expectGrpcError(harness.client.getAllergyHistories({ patientIds: [patient.id], after: randomUUID() }, doctor), status.INVALID_ARGUMENT, { field: 'after' });
  });
});

describe('when appointments and ward cannot answer', () => {
  it('makes the change wait (UNAVAILABLE, retry later), never allows it and never fails as INTERNAL', async () => {
    // Nothing listens on port 1: every care question fails to connect.
    const unreachable = { appointmentsTarget: '127.0.0.1:1', wardTarget: '127.0.0.1:1' };
    const service = await startPatientsService(
      { port: 0, host: '127.0.0.1', databaseUrl: testDatabaseUrl(), internalSecret: harness.internalSecret, care: unreachable, grpcDeadlineMs: 2_000 },
      { logger: createLogger('patients-service-test', 'silent') },
    );
    const client = createPatientsClient({ target: `127.0.0.1:${service.port}`, deadlineMs: 10_000 });
    try {
      const patient = await harness.register({ allergies: ['Latex'] });
      for (const role of ['doctor', 'ward_staff'] as const) {
        await expectGrpcError(client.updatePatient({ id: patient.id, allergies: [], setAllergies: true }, { metadata: harness.as(role) }), status.UNAVAILABLE);
      }
      const [after] = (await harness.client.getPatients({ ids: [patient.id] }, { metadata: harness.as('admin') })).patients;
      expect(after?.allergies).toEqual(['Latex']);
    } finally {
      client.close();
      await service.close();
    }
  }, 30_000);
});
