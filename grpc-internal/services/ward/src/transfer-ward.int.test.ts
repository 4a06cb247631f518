/**
 * A transfer names the ward it targets (issue 10): a bed on any other ward is refused, so a
 * client still showing the old ward's beds cannot land a "transfer to Surgery" in General Medicine.
 */
import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { expectGrpcError, harnessForFile, raceOutcomes } from '@hospital/service-kit/testing';
import { startWardHarness } from './testing/ward-harness.ts';

const h = harnessForFile(() => startWardHarness(testDatabaseUrl()));

describe('TransferPatient names its target ward', () => {
  it('refuses a bed on another ward than the one named (BAD_USER_INPUT on bedId) and moves nothing', async () => {
    const medicine = await h.createWard({ name: 'General Medicine' });
    const surgery = await h.createWard({ name: 'Surgery' });
    const [from, medicineSpare] = [await h.addBed(medicine.id, 'M1'), await h.addBed(medicine.id, 'M2')];
    const surgeryBed = await h.addBed(surgery.id, 'S1');
    const admission = await h.admit((await h.registerPatient()).id, from.id);
    const staff = { metadata: h.as('ward_staff') };
    const refused = await expectGrpcError(h.ward.transferPatient({ admissionId: admission.id, wardId: surgery.id, bedId: medicineSpare.id }, staff), status.INVALID_ARGUMENT, {
      field: 'bedId',
    });
    expect(refused.details).toContain('not on the ward chosen');
    const [still] = (await h.ward.getAdmissions({ ids: [admission.id] }, staff)).admissions;
    expect(still).toMatchObject({ bedId: from.id, wardId: medicine.id, transfers: [] });
    const moved = await h.ward.transferPatient({ admissionId: admission.id, wardId: surgery.id, bedId: surgeryBed.id }, staff);
    expect(moved).toMatchObject({ bedId: surgeryBed.id, wardId: surgery.id });
  });

  it('requires the ward id (an old client that names none is refused, not guessed for)', async () => {
    const ward = await h.createWard();
    const [from, to] = [await h.addBed(ward.id), await h.addBed(ward.id)];
    const admission = await h.admit((await h.registerPatient()).id, from.id);
    await expectGrpcError(h.ward.transferPatient({ admissionId: admission.id, bedId: to.id }, { metadata: h.as('admin') }), status.INVALID_ARGUMENT, {
      field: 'wardId',
    });
  });

  it('lets exactly one of two transfers racing for the same bed win; the loser stays where it was', async () => {
    for (let round = 0; round < 5; round++) {
      const medicine = await h.createWard({ name: 'General Medicine' });
      const surgery = await h.createWard({ name: 'Surgery' });
      const [m1, m2] = [await h.addBed(medicine.id, 'M1'), await h.addBed(medicine.id, 'M2')];
      const target = await h.addBed(surgery.id, 'S1');
      const first = await h.admit((await h.registerPatient()).id, m1.id);
      const second = await h.admit((await h.registerPatient()).id, m2.id);
      const staff = { metadata: h.as('ward_staff') };
      const move = (admissionId: string) => h.ward.transferPatient({ admissionId, wardId: surgery.id, bedId: target.id }, staff);
      const { won, lost } = raceOutcomes(await Promise.allSettled([move(first.id), move(second.id)]));
      expect(won).toHaveLength(1);
      expect(lost.map((e) => [status[e.code], e.details])).toEqual([['ALREADY_EXISTS', `Bed S1 on ${surgery.name} is occupied.`]]);
      const loserId = won[0]!.id === first.id ? second.id : first.id;
      const [loser] = (await h.ward.getAdmissions({ ids: [loserId] }, staff)).admissions;
      expect(loser).toMatchObject({ wardId: medicine.id, bedId: loserId === first.id ? m1.id : m2.id, transfers: [] });
      const board = await h.ward.getBedBoard({ wardId: surgery.id }, staff);
      expect(board.beds.map((bed) => bed.occupant?.id)).toEqual([won[0]!.id]);
    }
  });
});
