/**
 * Ward staff assignments through the real ward service: ward staff read and run only the wards
 * they are assigned to, and records of other wards are answered exactly like unknown ids.
 */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { expectGrpcError, harnessForFile } from '@hospital/service-kit/testing';
import { startWardHarness } from './testing/ward-harness.ts';

const h = harnessForFile(() => startWardHarness(testDatabaseUrl()));

/** A ward (the harness's staff member is assigned to it) with two beds and one admitted patient. */
async function occupiedWard() {
  const ward = await h.createWard();
  const [bed, spare] = [await h.addBed(ward.id), await h.addBed(ward.id)];
  const patient = await h.registerPatient();
  const admission = await h.admit(patient.id, bed.id);
  return { ward, bed: bed, spare: spare, patient, admission };
}

describe('a ward staff member not assigned to a ward', () => {
  const stranger = () => ({ metadata: h.asUser('ward_staff', strangerId) });
  const strangerId = randomUUID();

  it('sees none of its wards, beds or admissions: they read as unknown ids', async () => {
    const { ward, bed, patient, admission } = await occupiedWard();
    expect((await h.ward.listWards({}, stranger())).wards.map((w) => w.id)).not.toContain(ward.id);
    expect((await h.ward.getWards({ ids: [ward.id] }, stranger())).wards).toEqual([]);
    expect((await h.ward.getBeds({ ids: [bed.id] }, stranger())).beds).toEqual([]);
    expect((await h.ward.listBeds({ wardIds: [ward.id] }, stranger())).beds).toEqual([]);
    expect((await h.ward.getAdmissions({ ids: [admission.id] }, stranger())).admissions).toEqual([]);
    expect((await h.ward.getPatientAdmissions({ patientIds: [patient.id] }, stranger())).admissions).toEqual([]);
    const byWard = await h.ward.listAdmissions({ wardId: ward.id }, stranger());
    expect(byWard.admissions).toEqual([]);
    expect(byWard.pageInfo?.totalCount).toBe(0);
    const all = await h.ward.listAdmissions({ page: { first: 100 } }, stranger());
    expect(all.admissions.map((a) => a.id)).not.toContain(admission.id);
    await expectGrpcError(h.ward.getBedBoard({ wardId: ward.id }, stranger()), status.NOT_FOUND);
  });

  it('cannot admit into, transfer within, discharge from or take beds out of service on it (NOT_FOUND)', async () => {
    const { bed, spare, admission } = await occupiedWard();
    const other = await h.registerPatient();
    await expectGrpcError(h.ward.admitPatient({ patientId: other.id, bedId: spare.id, reason: 'x' }, stranger()), status.NOT_FOUND);
    await expectGrpcError(h.ward.transferPatient({ admissionId: admission.id, wardId: spare.wardId, bedId: spare.id }, stranger()), status.NOT_FOUND);
    await expectGrpcError(h.ward.dischargePatient({ admissionId: admission.id, summary: 'Home.' }, stranger()), status.NOT_FOUND);
    await expectGrpcError(h.ward.setBedOutOfService({ bedId: spare.id, outOfService: true }, stranger()), status.NOT_FOUND);
    // Nothing changed.
    const [still] = (await h.ward.getAdmissions({ ids: [admission.id] }, { metadata: h.as('admin') })).admissions;
    expect(still).toMatchObject({ status: 'ADMISSION_STATUS_ADMITTED', bedId: bed.id });
  });

  it('learns that a patient is admitted elsewhere, but not on which ward or bed', async () => {
    const { ward, patient } = await occupiedWard();
    const mine = await h.ward.createWard({ name: `Mine ${randomUUID().slice(0, 8)}`, code: `M${randomUUID().slice(0, 8).toUpperCase()}` }, { metadata: h.as('admin') });
    await h.ward.assignStaffToWard({ userId: strangerId, wardId: mine.id }, { metadata: h.as('admin') });
    const free = await h.addBed(mine.id);
    const refused = await expectGrpcError(h.ward.admitPatient({ patientId: patient.id, bedId: free.id, reason: 'x' }, stranger()), status.ALREADY_EXISTS);
    expect(refused.details).toBe('Patient already has an active admission.');
    expect(refused.details).not.toContain(ward.name);
    // An admin, who sees every ward, is told where.
    const told = await expectGrpcError(h.ward.admitPatient({ patientId: patient.id, bedId: free.id, reason: 'x' }, { metadata: h.as('admin') }), status.ALREADY_EXISTS);
    expect(told.details).toContain(ward.name);
  });

  it('sees and runs the ward once assigned, and loses it again when unassigned', async () => {
    const { ward, spare, admission } = await occupiedWard();
    const admin = { metadata: h.as('admin') };
    await h.ward.assignStaffToWard({ userId: strangerId, wardId: ward.id }, admin);
    await h.ward.assignStaffToWard({ userId: strangerId, wardId: ward.id }, admin); // idempotent
    expect((await h.ward.listWards({}, stranger())).wards.map((w) => w.id)).toContain(ward.id);
    expect((await h.ward.getBedBoard({ wardId: ward.id }, stranger())).beds).toHaveLength(2);
    const moved = await h.ward.transferPatient({ admissionId: admission.id, wardId: ward.id, bedId: spare.id }, stranger());
    expect(moved.bedId).toBe(spare.id);
    const { assignments } = await h.ward.listWardStaff({ wardIds: [ward.id] }, admin);
    expect(assignments.map((a) => a.userId).sort()).toEqual([h.staffId, strangerId].sort());
    await h.ward.unassignStaffFromWard({ userId: strangerId, wardId: ward.id }, admin);
    await h.ward.unassignStaffFromWard({ userId: strangerId, wardId: ward.id }, admin); // idempotent
    expect((await h.ward.getAdmissions({ ids: [admission.id] }, stranger())).admissions).toEqual([]);
  });
});

describe('transfers between wards', () => {
  it('need the staff member to be assigned to both wards', async () => {
    const { admission } = await occupiedWard();
    const elsewhere = await h.ward.createWard({ name: `Elsewhere ${randomUUID().slice(0, 8)}`, code: `X${randomUUID().slice(0, 8).toUpperCase()}` }, { metadata: h.as('admin') });
    const target = await h.addBed(elsewhere.id);
    await expectGrpcError(h.ward.transferPatient({ admissionId: admission.id, wardId: elsewhere.id, bedId: target.id }, { metadata: h.as('ward_staff') }), status.NOT_FOUND);
    // Admins are not limited by assignments.
    const moved = await h.ward.transferPatient({ admissionId: admission.id, wardId: elsewhere.id, bedId: target.id }, { metadata: h.as('admin') });
    expect(moved.wardId).toBe(elsewhere.id);
  });
});

describe('admins and doctors', () => {
  it('see every ward without assignments', async () => {
    const { ward, admission } = await occupiedWard();
    for (const role of ['admin', 'doctor'] as const) {
      expect((await h.ward.getWards({ ids: [ward.id] }, { metadata: h.as(role) })).wards).toHaveLength(1);
      expect((await h.ward.getAdmissions({ ids: [admission.id] }, { metadata: h.as(role) })).admissions).toHaveLength(1);
    }
  });
});

describe('AssignStaffToWard and UnassignStaffFromWard', () => {
  it('are for admins only, and an unknown ward is NOT_FOUND', async () => {
    const ward = await h.createWard();
    for (const role of ['doctor', 'ward_staff'] as const) {
      await expectGrpcError(h.ward.assignStaffToWard({ userId: randomUUID(), wardId: ward.id }, { metadata: h.as(role) }), status.PERMISSION_DENIED);
      await expectGrpcError(h.ward.unassignStaffFromWard({ userId: h.staffId, wardId: ward.id }, { metadata: h.as(role) }), status.PERMISSION_DENIED);
    }
    await expectGrpcError(h.ward.assignStaffToWard({ userId: randomUUID(), wardId: randomUUID() }, { metadata: h.as('admin') }), status.NOT_FOUND);
    await expectGrpcError(h.ward.assignStaffToWard({ userId: 'nope', wardId: ward.id }, { metadata: h.as('admin') }), status.INVALID_ARGUMENT, { field: 'userId' });
  });
});
