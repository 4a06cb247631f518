/**
 * A transfer names the ward it targets (issue 10): a bed on any other ward is refused, so a
 * client still showing the old ward's beds cannot land a "transfer to Surgery" in General Medicine.
 */
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { expectGrpcError } from '@hospital/service-kit/testing';
import { startWardHarness, type WardHarness } from './testing/ward-harness.ts';

let h: WardHarness;
beforeAll(async () => {
  h = await startWardHarness(testDatabaseUrl());
});
afterAll(() => h?.close());

describe('TransferPatient names its target ward', () => {
  it('refuses a bed on another ward than the one named (BAD_USER_INPUT on bedId) and moves nothing', async () => {
    const medicine = await h.createWard({ name: 'General Medicine' });
    const surgery = await h.createWard({ name: 'Surgery' });
    const [from, medicineSpare] = [await h.addBed(medicine.id, 'M1'), await h.addBed(medicine.id, 'M2')];
    const surgeryBed = await h.addBed(surgery.id, 'S1');
    const admission = await h.admit((await h.registerPatient()).id, from.id);
    const staff = { metadata: h.as('ward_staff') };
    const refused = await expectGrpcError(
      h.ward.transferPatient({ admissionId: admission.id, wardId: surgery.id, bedId: medicineSpare.id }, staff),
      status.INVALID_ARGUMENT,
      { field: 'bedId' },
    );
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
});
