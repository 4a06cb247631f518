/** Prescribing (allergy checks through the real patients service), cancelling and listing. */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { afterEach, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { expectGrpcError, harnessForFile } from '@hospital/service-kit/testing';
import { startPharmacyHarness, uniqueCode } from './testing/pharmacy-harness.ts';
import { waitForAuditSeal } from '@hospital/db/testing';

const h = harnessForFile(() => startPharmacyHarness(testDatabaseUrl()));
afterEach(() => h.setNow(undefined));

/** Pins the clock a minute apart per step, so "oldest first" never rests on millisecond luck. */
const at = (step: number) => h.setNow(new Date(Date.now() + step * 60_000));

describe('Prescribe', () => {
  it('writes a pending prescription with the caller as prescriber', async () => {
    const [drug, patient] = await Promise.all([h.createDrug(), h.registerPatient(['latex'])]);
    const doctorId = randomUUID();
    const prescription = await h.prescribe(patient.id, drug.id, 20, { doctorId });
    expect(prescription).toMatchObject({
      status: 'PRESCRIPTION_STATUS_PENDING',
      patientId: patient.id,
      drugId: drug.id,
      prescriberId: doctorId,
      dose: '1 tablet',
      frequency: 'twice daily',
      durationDays: 5,
      quantity: 20,
      allergyOverride: null,
      dispensedAt: '',
      dispensations: [],
    });
  });

  it('refuses a drug the patient is allergic to, naming the allergy, unless overridden with a reason', async () => {
    const [drug, patient] = await Promise.all([h.createDrug({ code: uniqueCode('J01CA'), name: 'Amoxicillin' }), h.registerPatient(['Penicillin', 'latex'])]);
    await expectGrpcError(h.prescribe(patient.id, drug.id, 21), status.INVALID_ARGUMENT, {
      field: 'allergyOverrideReason',
      message: /allergic to Penicillin \(Amoxicillin is one of the penicillins\)/,
    });
    await expectGrpcError(h.prescribe(patient.id, drug.id, 21, { allergyOverrideReason: '   ' }), status.INVALID_ARGUMENT, { field: 'allergyOverrideReason' });
    const doctorId = randomUUID();
    const overridden = await h.prescribe(patient.id, drug.id, 21, { allergyOverrideReason: 'Tolerated amoxicillin in 2024 under observation', doctorId });
    expect(overridden.allergyOverride).toMatchObject({ reason: 'Tolerated amoxicillin in 2024 under observation', overriddenBy: doctorId, allergies: ['Penicillin'] });
    expect(Date.parse(overridden.allergyOverride!.overriddenAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('records no override when nothing matched', async () => {
    const [drug, patient] = await Promise.all([h.createDrug({ name: 'Paracetamol' }), h.registerPatient(['peanuts'])]);
    const prescription = await h.prescribe(patient.id, drug.id, 10, { allergyOverrideReason: 'Just in case' });
    expect(prescription.allergyOverride).toBeNull();
  });

  it('answers unknown patients and drugs with NOT_FOUND and archived patients with BAD_USER_INPUT', async () => {
    const [drug, patient] = await Promise.all([h.createDrug(), h.registerPatient()]);
    await expectGrpcError(h.prescribe(randomUUID(), drug.id, 1), status.NOT_FOUND, { message: /patient/ });
    await expectGrpcError(h.prescribe(patient.id, randomUUID(), 1), status.NOT_FOUND, { message: /drug/ });
    await h.patients.archivePatient({ id: patient.id }, { metadata: h.as('admin') });
    await expectGrpcError(h.prescribe(patient.id, drug.id, 1), status.INVALID_ARGUMENT, { field: 'patientId' });
  });

  it('validates every field and lets only doctors prescribe', async () => {
    const [drug, patient] = await Promise.all([h.createDrug(), h.registerPatient()]);
    const base = { patientId: patient.id, drugId: drug.id, dose: '1', frequency: 'daily', durationDays: 5, quantity: 5 };
    const doctor = { metadata: h.as('doctor') };
    await expectGrpcError(h.client.prescribe({ ...base, quantity: 0 }, doctor), status.INVALID_ARGUMENT, { field: 'quantity' });
    await expectGrpcError(h.client.prescribe({ ...base, durationDays: 0 }, doctor), status.INVALID_ARGUMENT, { field: 'durationDays' });
    await expectGrpcError(h.client.prescribe({ ...base, dose: ' ' }, doctor), status.INVALID_ARGUMENT, { field: 'dose' });
    await expectGrpcError(h.client.prescribe({ ...base, patientId: 'p1' }, doctor), status.INVALID_ARGUMENT, { field: 'patientId' });
    for (const role of ['pharmacist', 'admin', 'ward_staff', 'finance'] as const) {
      await expectGrpcError(h.client.prescribe(base, { metadata: h.as(role) }), status.PERMISSION_DENIED);
    }
  });
});

describe('CancelPrescription', () => {
  it('cancels a pending prescription once, with who and why', async () => {
    const [drug, patient] = await Promise.all([h.createDrug(), h.registerPatient()]);
    const doctorId = randomUUID();
    const prescription = await h.prescribe(patient.id, drug.id, 3, { doctorId });
    const cancelled = await h.client.cancelPrescription({ id: prescription.id, reason: 'Wrong patient' }, { metadata: h.as('doctor', doctorId) });
    expect(cancelled).toMatchObject({ status: 'PRESCRIPTION_STATUS_CANCELLED', cancelledBy: doctorId, cancellationReason: 'Wrong patient' });
    await expectGrpcError(h.client.cancelPrescription({ id: prescription.id, reason: 'Again' }, { metadata: h.as('doctor', doctorId) }), status.ALREADY_EXISTS);
    await expectGrpcError(h.client.dispensePrescription({ id: prescription.id }, { metadata: h.as('pharmacist') }), status.INVALID_ARGUMENT, { field: 'id' });
    await expectGrpcError(h.client.cancelPrescription({ id: randomUUID(), reason: 'x' }, { metadata: h.as('doctor') }), status.NOT_FOUND);
    await expectGrpcError(h.client.cancelPrescription({ id: prescription.id, reason: '' }, { metadata: h.as('doctor', doctorId) }), status.INVALID_ARGUMENT, { field: 'reason' });
  });

  it("refuses another doctor, an admin and a pharmacist; a colleague gets the unknown id's NOT_FOUND, audited as denied", async () => {
    const [drug, patient] = await Promise.all([h.createDrug(), h.registerPatient()]);
    const prescriberId = randomUUID();
    const prescription = await h.prescribe(patient.id, drug.id, 3, { doctorId: prescriberId });
    const colleagueId = randomUUID();
    const requestId = `req-cancel-${randomUUID()}`;
    const colleague = h.as('doctor', colleagueId, requestId);
    await expectGrpcError(h.client.cancelPrescription({ id: prescription.id, reason: 'Not mine' }, { metadata: colleague }), status.NOT_FOUND);
    await expectGrpcError(h.client.cancelPrescription({ id: prescription.id, reason: 'Oversight' }, { metadata: h.as('admin') }), status.PERMISSION_DENIED);
    await expectGrpcError(h.client.cancelPrescription({ id: prescription.id, reason: 'Out of stock' }, { metadata: h.as('pharmacist') }), status.PERMISSION_DENIED);
    const [still] = (await h.client.getPrescriptions({ ids: [prescription.id] }, { metadata: h.as('doctor') })).prescriptions;
    expect(still).toMatchObject({ status: 'PRESCRIPTION_STATUS_PENDING', cancelledBy: '' });
    await waitForAuditSeal(h.db);
    const rows = await h.db.accessRecord.findMany({ where: { requestId }, select: { actorId: true, action: true, outcome: true, reason: true, patientId: true } });
    expect(rows).toEqual([{ actorId: colleagueId, action: 'PharmacyService.CancelPrescription', outcome: 'denied', reason: 'OBJECT_ACCESS', patientId: patient.id }]);
    // The same refusal once it is dispensed or cancelled: the answer never tells its state.
    await h.client.cancelPrescription({ id: prescription.id, reason: 'Changed my mind' }, { metadata: h.as('doctor', prescriberId) });
    await expectGrpcError(h.client.cancelPrescription({ id: prescription.id, reason: 'Not mine' }, { metadata: h.as('doctor') }), status.NOT_FOUND);
  });
});

describe('listing', () => {
  it('serves the pending queue oldest first, a page at a time, filtered by patient', async () => {
    const [drug, patient, other] = await Promise.all([h.createDrug(), h.registerPatient(), h.registerPatient()]);
    const written = [];
    for (let i = 0; i < 3; i++) {
      at(i);
      written.push(await h.prescribe(patient.id, drug.id, i + 1));
    }
    await h.prescribe(other.id, drug.id, 9);
    const reader = { metadata: h.as('ward_staff') };
    const page1 = await h.client.listPrescriptions({ status: 'PRESCRIPTION_STATUS_PENDING', patientId: patient.id, page: { first: 2 } }, reader);
    expect(page1.prescriptions.map((p) => p.id)).toEqual([written[0]!.id, written[1]!.id]);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, totalCount: 3 });
    const page2 = await h.client.listPrescriptions({ status: 'PRESCRIPTION_STATUS_PENDING', patientId: patient.id, page: { first: 2, after: page1.pageInfo!.endCursor } }, reader);
    expect(page2.prescriptions.map((p) => p.id)).toEqual([written[2]!.id]);
    const history = await h.client.listPrescriptions({ patientId: patient.id }, reader);
    expect(history.prescriptions.map((p) => p.id)).toEqual([written[2]!.id, written[1]!.id, written[0]!.id]);
    await expectGrpcError(h.client.listPrescriptions({ patientId: patient.id, page: { after: 'bad' } }, reader), status.INVALID_ARGUMENT, { field: 'after' });
    await expectGrpcError(h.client.listPrescriptions({}, { metadata: h.as('finance') }), status.PERMISSION_DENIED);
  });

  it('lists the newest prescriptions of many patients in one call, grouped in request order', async () => {
    const DOCTOR_ID = randomUUID();
    const [drug, a, b, none] = await Promise.all([h.createDrug(), h.registerPatient(), h.registerPatient(), h.registerPatient()]);
    at(1);
    const a1 = await h.prescribe(a.id, drug.id, 1);
    at(2);
    const a2 = await h.prescribe(a.id, drug.id, 2, { doctorId: DOCTOR_ID });
    const b1 = await h.prescribe(b.id, drug.id, 3);
    await h.client.cancelPrescription({ id: a2.id, reason: 'Changed my mind' }, { metadata: h.as('doctor', DOCTOR_ID) });
    const reader = { metadata: h.as('doctor') };
    const all = await h.client.listPatientPrescriptions({ patientIds: [none.id, b.id, a.id], first: 5 }, reader);
    expect(all.patients.map((p) => [p.patientId, p.prescriptions.map((x) => x.id)])).toEqual([
      [none.id, []],
      [b.id, [b1.id]],
      [a.id, [a2.id, a1.id]],
    ]);
    const pendingOne = await h.client.listPatientPrescriptions({ patientIds: [a.id], status: 'PRESCRIPTION_STATUS_PENDING', first: 1 }, reader);
    expect(pendingOne.patients[0]!.prescriptions.map((x) => x.id)).toEqual([a1.id]);
  });
});
