/**
 * A few real records for the fuzzers to aim at: hostile requests that name an existing patient,
 * drug, lot, prescription, ward, bed, admission, appointment or invoice get past "not found" and
 * into the deeper rules.
 */
import { randomUUID } from 'node:crypto';
import type { TestSystem } from '@hospital/test-support/system';

/** Ids of the seeded records (and of the system's accounts). */
export interface SeededIds {
  all: string[];
  mrn: string;
}

async function must<T>(sys: TestSystem, token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await sys.gql<Record<string, T>>(query, variables, token);
  const value = result.data ? Object.values(result.data)[0] : undefined;
  if (!value || result.errors) throw new Error(`seeding failed: ${JSON.stringify(result.errors)}`);
  return value;
}

/**
 * Creates one record of each kind through the router.
 * @param sys - the running system
 */
export async function seedRecords(sys: TestSystem): Promise<SeededIds> {
  const [admin, doctor, pharmacist, finance] = await Promise.all([sys.tokenFor('admin'), sys.tokenFor('doctor'), sys.tokenFor('pharmacist'), sys.tokenFor('finance')]);
  const tag = randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase();
  const patient = await must<{ id: string; mrn: string }>(sys, doctor, 'mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { id mrn } }', {
    i: { givenName: 'Seed', familyName: `Fuzz${tag}`, dateOfBirth: '1980-05-06', allergies: ['penicillin'] },
  });
  const drug = await must<{ id: string }>(sys, pharmacist, 'mutation($i: CreateDrugInput!) { createDrug(input: $i) { id } }', {
    i: { code: `FZ${tag}`, name: `Fuzzamol ${tag}`, form: 'TABLET', strength: '500 mg' },
  });
  const lot = await must<{ id: string }>(sys, pharmacist, 'mutation($i: ReceiveStockInput!) { receiveStock(input: $i) { id } }', {
    i: { drugId: drug.id, lotNumber: `L${tag}`, quantity: 100, expiresOn: '2099-01-01' },
  });
  const prescription = await must<{ id: string }>(sys, doctor, 'mutation($i: PrescribeInput!) { prescribe(input: $i) { id } }', {
    i: { patientId: patient.id, drugId: drug.id, dose: '1 tablet', frequency: 'daily', durationDays: 5, quantity: 5 },
  });
  const ward = await must<{ id: string }>(sys, admin, 'mutation($i: CreateWardInput!) { createWard(input: $i) { id } }', { i: { name: `Ward ${tag}`, code: `W${tag}` } });
  const bed = await must<{ id: string }>(sys, admin, 'mutation($i: AddBedInput!) { addBed(input: $i) { id } }', { i: { wardId: ward.id, label: 'B1' } });
  const spare = await must<{ id: string }>(sys, admin, 'mutation($i: AddBedInput!) { addBed(input: $i) { id } }', { i: { wardId: ward.id, label: 'B2' } });
  const admission = await must<{ id: string }>(sys, admin, 'mutation($i: AdmitPatientInput!) { admitPatient(input: $i) { id } }', {
    i: { patientId: patient.id, bedId: bed.id, reason: 'observation' },
  });
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  startsAt.setUTCHours(10, 0, 0, 0);
  const appointment = await must<{ id: string }>(sys, doctor, 'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }', {
    i: { patientId: patient.id, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 30 * 60_000).toISOString() },
  });
  const invoice = await must<{ id: string }>(sys, finance, 'mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { id } }', {
    i: { patientId: patient.id, currency: 'EUR' },
  });
  // Not the admin: a hostile deactivateUser or changeUserRole that hits it would sign the
  // suite's own final checks out.
  const accounts = Object.entries(sys.accounts)
    .filter(([role]) => role !== 'admin')
    .map(([, a]) => a.id);
  return {
    all: [patient.id, drug.id, lot.id, prescription.id, ward.id, bed.id, spare.id, admission.id, appointment.id, invoice.id, ...accounts],
    mrn: patient.mrn,
  };
}
