/** Admissions, transfers and discharges through the real ward service and patients service. */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { expectGrpcError, harnessForFile } from '@hospital/service-kit/testing';
import { startWardHarness } from './testing/ward-harness.ts';

const h = harnessForFile(() => startWardHarness(testDatabaseUrl()));

/** A ward with `count` beds labelled 1..count. */
async function wardWithBeds(count: number) {
  const ward = await h.createWard();
  const beds = [];
  for (let i = 1; i <= count; i++) beds.push(await h.addBed(ward.id, String(i)));
  return { ward, beds };
}

describe('AdmitPatient', () => {
  it('admits into a free bed and records who and when', async () => {
    const { ward, beds } = await wardWithBeds(1);
    const patient = await h.registerPatient();
    const admission = await h.admit(patient.id, beds[0]!.id, '  Community-acquired pneumonia ');
    expect(admission).toMatchObject({
      status: 'ADMISSION_STATUS_ADMITTED',
      patientId: patient.id,
      bedId: beds[0]!.id,
      wardId: ward.id,
      reason: 'Community-acquired pneumonia',
      dischargedAt: '',
      dischargeSummary: '',
      transfers: [],
    });
    expect(admission.admittedBy).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.now() - Date.parse(admission.admittedAt)).toBeLessThan(60_000);
  });

  it('asks the patients service: unknown is NOT_FOUND, archived is BAD_USER_INPUT', async () => {
    const { beds } = await wardWithBeds(1);
    await expectGrpcError(h.admit(randomUUID(), beds[0]!.id), status.NOT_FOUND, { message: 'No patient with this id.' });
    const patient = await h.registerPatient();
    await h.patients.archivePatient({ id: patient.id }, { metadata: h.as('admin') });
    await expectGrpcError(h.admit(patient.id, beds[0]!.id), status.INVALID_ARGUMENT, { field: 'patientId' });
  });

  it('answers NOT_FOUND for an unknown bed and names bad fields', async () => {
    const patient = await h.registerPatient();
    await expectGrpcError(h.admit(patient.id, randomUUID()), status.NOT_FOUND, { message: 'No bed with this id.' });
    const { beds } = await wardWithBeds(1);
    await expectGrpcError(h.admit(patient.id, beds[0]!.id, '   '), status.INVALID_ARGUMENT, { field: 'reason' });
    await expectGrpcError(h.admit('nope', beds[0]!.id), status.INVALID_ARGUMENT, { field: 'patientId' });
  });

  it('refuses an occupied bed and a patient already admitted, naming what clashed', async () => {
    const { ward, beds } = await wardWithBeds(2);
    const [first, second] = [await h.registerPatient(), await h.registerPatient()];
    await h.admit(first.id, beds[0]!.id);
    const occupied = await expectGrpcError(h.admit(second.id, beds[0]!.id), status.ALREADY_EXISTS, { message: `Bed 1 on ${ward.name} is occupied.` });
    expect(occupied.details).not.toContain(first.familyName);
    await expectGrpcError(h.admit(first.id, beds[1]!.id), status.ALREADY_EXISTS, { message: `Patient already admitted to ${ward.name}, bed 1.` });
  });

  it('needs a staff member: doctors, pharmacists and service principals cannot admit', async () => {
    const { beds } = await wardWithBeds(1);
    const patient = await h.registerPatient();
    const request = { patientId: patient.id, bedId: beds[0]!.id, reason: 'x' };
    for (const role of ['doctor', 'pharmacist', 'finance'] as const) {
      await expectGrpcError(h.ward.admitPatient(request, { metadata: h.as(role) }), status.PERMISSION_DENIED);
    }
    await expectGrpcError(h.ward.admitPatient(request, { metadata: h.asService() }), status.PERMISSION_DENIED);
  });
});

describe('TransferPatient', () => {
  it('moves the admission, frees the old bed and keeps the history', async () => {
    const { ward, beds } = await wardWithBeds(2);
    const { ward: other, beds: otherBeds } = await wardWithBeds(1);
    const patient = await h.registerPatient();
    const admission = await h.admit(patient.id, beds[0]!.id);
    const staff = { metadata: h.as('ward_staff') };
    const moved = await h.ward.transferPatient({ admissionId: admission.id, wardId: ward.id, bedId: beds[1]!.id }, staff);
    const again = await h.ward.transferPatient({ admissionId: admission.id, wardId: other.id, bedId: otherBeds[0]!.id }, staff);
    expect(moved.bedId).toBe(beds[1]!.id);
    expect(again).toMatchObject({ bedId: otherBeds[0]!.id, wardId: other.id, status: 'ADMISSION_STATUS_ADMITTED' });
    expect(again.transfers.map((t) => [t.fromBedId, t.toBedId])).toEqual([
      [beds[0]!.id, beds[1]!.id],
      [beds[1]!.id, otherBeds[0]!.id],
    ]);
    // The first bed is free again: someone else can take it.
    await expect(h.admit((await h.registerPatient()).id, beds[0]!.id)).resolves.toMatchObject({ bedId: beds[0]!.id });
  });

  it('refuses the same bed, an occupied bed, unknown ids and a discharged admission', async () => {
    const { ward, beds } = await wardWithBeds(2);
    const [a, b] = [await h.registerPatient(), await h.registerPatient()];
    const admission = await h.admit(a.id, beds[0]!.id);
    await h.admit(b.id, beds[1]!.id);
    const staff = { metadata: h.as('ward_staff') };
    const transfer = (admissionId: string, bedId: string, wardId = ward.id) => h.ward.transferPatient({ admissionId, wardId, bedId }, staff);
    await expectGrpcError(transfer(admission.id, beds[0]!.id), status.INVALID_ARGUMENT, { field: 'bedId' });
    await expectGrpcError(transfer(admission.id, beds[1]!.id), status.ALREADY_EXISTS, { message: `Bed 2 on ${ward.name} is occupied.` });
    await expectGrpcError(transfer(randomUUID(), beds[1]!.id), status.NOT_FOUND, { message: 'No admission with this id.' });
    await expectGrpcError(transfer(admission.id, randomUUID()), status.NOT_FOUND, { message: 'No bed with this id.' });
    await h.ward.dischargePatient({ admissionId: admission.id, summary: 'Recovered.' }, staff);
    const { ward: freeWard, beds: free } = await wardWithBeds(1);
    await expectGrpcError(transfer(admission.id, free[0]!.id, freeWard.id), status.INVALID_ARGUMENT, { field: 'admissionId' });
  });
});

describe('DischargePatient', () => {
  it('discharges once with a summary; twice is an illegal transition', async () => {
    const { beds } = await wardWithBeds(1);
    const patient = await h.registerPatient();
    const admission = await h.admit(patient.id, beds[0]!.id);
    const doctor = { metadata: h.as('doctor') };
    await expectGrpcError(h.ward.dischargePatient({ admissionId: admission.id, summary: ' \n ' }, doctor), status.INVALID_ARGUMENT, { field: 'summary' });
    const discharged = await h.ward.dischargePatient({ admissionId: admission.id, summary: 'Afebrile for 48h.\nOral antibiotics for 5 days.' }, doctor);
    expect(discharged).toMatchObject({ status: 'ADMISSION_STATUS_DISCHARGED', dischargeSummary: 'Afebrile for 48h.\nOral antibiotics for 5 days.' });
    expect(Date.parse(discharged.dischargedAt)).toBeGreaterThanOrEqual(Date.parse(discharged.admittedAt));
    await expectGrpcError(h.ward.dischargePatient({ admissionId: admission.id, summary: 'Again.' }, doctor), status.INVALID_ARGUMENT, { field: 'admissionId' });
    await expectGrpcError(h.ward.dischargePatient({ admissionId: randomUUID(), summary: 'x' }, doctor), status.NOT_FOUND);
    // Discharged: the patient may be admitted again, into the same bed.
    await expect(h.admit(patient.id, beds[0]!.id)).resolves.toMatchObject({ status: 'ADMISSION_STATUS_ADMITTED' });
  });
});

describe('reading admissions', () => {
  it('returns every admission of several patients, newest first, in one call', async () => {
    const { beds } = await wardWithBeds(2);
    const [a, b, none] = [await h.registerPatient(), await h.registerPatient(), await h.registerPatient()];
    const old = await h.admit(a.id, beds[0]!.id);
    await h.ward.dischargePatient({ admissionId: old.id, summary: 'Home.' }, { metadata: h.as('ward_staff') });
    const current = await h.admit(a.id, beds[0]!.id);
    const other = await h.admit(b.id, beds[1]!.id);
    const { admissions } = await h.ward.getPatientAdmissions({ patientIds: [a.id, b.id, none.id] }, { metadata: h.as('doctor') });
    expect(admissions.filter((x) => x.patientId === a.id).map((x) => x.id)).toEqual([current.id, old.id]);
    expect(admissions.filter((x) => x.patientId === b.id).map((x) => x.id)).toEqual([other.id]);
    const { admissions: byId } = await h.ward.getAdmissions({ ids: [other.id, randomUUID(), old.id] }, { metadata: h.as('admin') });
    expect(byId.map((x) => x.id)).toEqual([other.id, old.id]);
  });

  it('pages a ward’s admissions newest first, filtered by status', async () => {
    const { ward, beds } = await wardWithBeds(5);
    const ids: string[] = [];
    for (const bed of beds) ids.push((await h.admit((await h.registerPatient()).id, bed.id)).id);
    await h.ward.dischargePatient({ admissionId: ids[0]!, summary: 'Done.' }, { metadata: h.as('ward_staff') });
    const list = (status: 'ADMISSION_STATUS_UNSPECIFIED' | 'ADMISSION_STATUS_ADMITTED' | 'ADMISSION_STATUS_DISCHARGED', first: number, after = '') =>
      h.ward.listAdmissions({ wardId: ward.id, status, page: { first, after } }, { metadata: h.as('doctor') });
    const seen: string[] = [];
    let after = '';
    for (let page = 0; page < 5; page++) {
      const result = await list('ADMISSION_STATUS_UNSPECIFIED', 2, after);
      expect(result.pageInfo?.totalCount).toBe(5);
      seen.push(...result.admissions.map((x) => x.id));
      if (!result.pageInfo?.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(seen).toEqual([...ids].reverse());
    expect((await list('ADMISSION_STATUS_ADMITTED', 10)).pageInfo?.totalCount).toBe(4);
    expect((await list('ADMISSION_STATUS_DISCHARGED', 10)).admissions.map((x) => x.id)).toEqual([ids[0]]);
    await expectGrpcError(list('ADMISSION_STATUS_UNSPECIFIED', 2, 'garbage'), status.INVALID_ARGUMENT, { field: 'after' });
    await expectGrpcError(list('ADMISSION_STATUS_UNSPECIFIED', -1), status.INVALID_ARGUMENT, { field: 'first' });
    const capped = await h.ward.listAdmissions({ page: { first: 1000 } }, { metadata: h.as('doctor') });
    expect(capped.admissions.length).toBeLessThanOrEqual(100);
  });
});
