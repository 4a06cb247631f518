/**
 * Issue 14 on the real service: a structured prescription (numeric dose, unit, route, frequency
 * code) is written to the chart in words, impossible values are refused with a sentence for the
 * doctor (free-text "5000 g" too), and a pharmacist queries or rejects with a reason the
 * prescriber reads back.
 */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { expectGrpcError, harnessForFile } from '@hospital/service-kit/testing';
import { daysFromNow, startPharmacyHarness } from './testing/pharmacy-harness.ts';

const h = harnessForFile(() => startPharmacyHarness(testDatabaseUrl()));

const doctor = () => ({ metadata: h.as('doctor') });
const structured = (patientId: string, drugId: string, extra: Record<string, unknown> = {}) =>
  h.client.prescribe({ patientId, drugId, doseAmount: 1, doseUnit: 'TABLET', route: 'ORAL', frequencyCode: 'TWICE_DAILY', durationDays: 7, quantity: 14, ...extra }, doctor());

describe('structured prescribing', () => {
  it('writes dose, frequency (with directions) and route from the codes', async () => {
    const [drug, patient] = await Promise.all([h.createDrug(), h.registerPatient()]);
    const written = await structured(patient.id, drug.id, { doseAmount: 2, directions: 'with food' });
    expect(written).toMatchObject({ dose: '2 tablets', frequency: 'twice a day; as directed: with food', route: 'ORAL', durationDays: 7, quantity: 14 });
  });

  it.each([
    [{ doseAmount: 5000, doseUnit: 'G' }, 'doseAmount', /5000 g in one dose is not possible: at most 5 g/],
    [{ doseAmount: 0 }, 'doseAmount', /more than zero/],
    [{ doseAmount: 1.3 }, 'doseAmount', /whole or half/],
    [{ doseUnit: 'SPOONS' }, 'doseUnit', /unit of the dose/],
    [{ route: 'WHENEVER' }, 'route', /route/],
    [{ frequencyCode: 'WHENEVER' }, 'frequencyCode', /how often/],
    [{ durationDays: 365, quantity: 9999, frequencyCode: 'ONCE_DAILY' }, 'quantity', /9999 is far more than the course needs \(365 tablets/],
    [{ frequencyCode: 'ONCE', durationDays: 3, quantity: 1 }, 'durationDays', /single dose lasts 1 day/],
  ])('refuses %j on %s with a sentence', async (change, field, message) => {
    const [drug, patient] = await Promise.all([h.createDrug(), h.registerPatient()]);
    await expectGrpcError(structured(patient.id, drug.id, change), status.INVALID_ARGUMENT, { field, message });
  });

  it('holds a free-text dose in a known unit to the same limit ("5000 g"), and keeps other free text', async () => {
    const [drug, patient] = await Promise.all([h.createDrug(), h.registerPatient()]);
    const legacy = (dose: string) => h.client.prescribe({ patientId: patient.id, drugId: drug.id, dose, frequency: 'whenever', durationDays: 5, quantity: 10 }, doctor());
    await expectGrpcError(legacy('5000 g'), status.INVALID_ARGUMENT, { field: 'dose', message: /not possible/ });
    expect(await legacy('2 puffs')).toMatchObject({ dose: '2 puffs', route: '' });
  });

  it('names the allergy and the drug in the refusal', async () => {
    const [drug, patient] = await Promise.all([h.createDrug({ code: `J01CA${randomUUID().slice(0, 6).toUpperCase()}`, name: 'Amoxicillin' }), h.registerPatient(['Penicillin'])]);
    await expectGrpcError(structured(patient.id, drug.id), status.INVALID_ARGUMENT, {
      field: 'allergyOverrideReason',
      message: /^Allergy alert: the patient is recorded as allergic to Penicillin .*To prescribe Amoxicillin anyway/,
    });
  });
});

describe('pharmacist review', () => {
  it('queries (stays pending, question kept) and rejects (cancelled with the reason) a prescription', async () => {
    const [drug, patient] = await Promise.all([h.createDrug(), h.registerPatient()]);
    await h.receive(drug.id, `L${randomUUID().slice(0, 6)}`, 100, daysFromNow(200));
    const written = await structured(patient.id, drug.id);
    const pharmacistId = randomUUID();
    const pharmacist = { metadata: h.as('pharmacist', pharmacistId) };
    const queried = await h.client.reviewPrescription({ id: written.id, action: 'QUERY', reason: 'Twice a day or three times?' }, pharmacist);
    expect(queried).toMatchObject({ status: 'PRESCRIPTION_STATUS_PENDING', review: { action: 'QUERY', reason: 'Twice a day or three times?', reviewedBy: pharmacistId } });
    const rejected = await h.client.reviewPrescription({ id: written.id, action: 'REJECT', reason: 'Interacts with warfarin' }, pharmacist);
    expect(rejected).toMatchObject({
      status: 'PRESCRIPTION_STATUS_CANCELLED',
      cancellationReason: 'Interacts with warfarin',
      cancelledBy: pharmacistId,
      review: { action: 'REJECT' },
    });
    // The prescriber reads it back; a rejected prescription is not dispensed, nor rejected again.
    const [read] = (await h.client.getPrescriptions({ ids: [written.id] }, doctor())).prescriptions;
    expect(read?.review).toMatchObject({ action: 'REJECT', reason: 'Interacts with warfarin' });
    await expectGrpcError(h.client.dispensePrescription({ id: written.id }, pharmacist), status.INVALID_ARGUMENT);
    await expectGrpcError(h.client.reviewPrescription({ id: written.id, action: 'REJECT', reason: 'again' }, pharmacist), status.ALREADY_EXISTS);
  });

  it('needs a reason and a pharmacist', async () => {
    const [drug, patient] = await Promise.all([h.createDrug(), h.registerPatient()]);
    const written = await structured(patient.id, drug.id);
    await expectGrpcError(h.client.reviewPrescription({ id: written.id, action: 'REJECT', reason: ' ' }, { metadata: h.as('pharmacist') }), status.INVALID_ARGUMENT, {
      field: 'reason',
    });
    await expectGrpcError(h.client.reviewPrescription({ id: written.id, action: 'QUERY', reason: 'why' }, doctor()), status.PERMISSION_DENIED);
  });
});
