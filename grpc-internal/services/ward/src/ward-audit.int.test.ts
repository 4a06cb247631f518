/**
 * The ward's audit rows through the real ward service and database: a read that withholds a stay
 * on another ward leaves a denied row naming the patient, and no allowed row for what was not shown.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { harnessForFile } from '@hospital/service-kit/testing';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { useSharedDatabase } from '../../../../test/shared-database.ts';
import { startWardHarness } from './testing/ward-harness.ts';
import { waitForAuditSeal } from '@hospital/db/testing';

const h = harnessForFile(() => startWardHarness(testDatabaseUrl()));
const shared = useSharedDatabase({ poolSize: 1 });

/** The rows one actor left, oldest first, as (action, patient, outcome, reason). */
async function rowsOf(actorId: string) {
  await waitForAuditSeal(shared.db);
  const rows = await shared.db.accessRecord.findMany({ where: { actorId }, orderBy: { seq: 'asc' } });
  return rows.map((row) => ({ action: row.action, patientId: row.patientId, outcome: row.outcome, reason: row.reason }));
}

describe('ward reads that withhold a record', () => {
  it('log a denied row for a stay on another ward, and an allowed one only for what was shown', async () => {
    const ward = await h.createWard();
    const bed = await h.addBed(ward.id);
    const elsewhere = await h.registerPatient();
    await h.admit(elsewhere.id, bed.id);
    const neverAdmitted = await h.registerPatient();
    const strangerId = randomUUID();
    const stranger = { metadata: h.asUser('ward_staff', strangerId) };

    const answer = await h.ward.getPatientAdmissions({ patientIds: [elsewhere.id, neverAdmitted.id] }, stranger);
    expect(answer.admissions).toEqual([]);
    expect(await rowsOf(strangerId)).toEqual(
      expect.arrayContaining([
        { action: 'WardService.GetPatientAdmissions', patientId: elsewhere.id, outcome: 'denied', reason: 'OBJECT_ACCESS' },
        { action: 'WardService.GetPatientAdmissions', patientId: neverAdmitted.id, outcome: 'allowed', reason: null },
      ]),
    );
    expect(await rowsOf(strangerId)).toHaveLength(2);

    // By admission id too: withheld, denied, nothing allowed.
    const otherId = randomUUID();
    const [admission] = (await h.ward.getPatientAdmissions({ patientIds: [elsewhere.id] }, { metadata: h.as('admin') })).admissions;
    await h.ward.getAdmissions({ ids: [admission!.id] }, { metadata: h.asUser('ward_staff', otherId) });
    expect(await rowsOf(otherId)).toEqual([{ action: 'WardService.GetAdmissions', patientId: elsewhere.id, outcome: 'denied', reason: 'OBJECT_ACCESS' }]);
  });
});
