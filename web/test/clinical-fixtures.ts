/**
 * What the clinical-day browser tests share: operations through the router as a given role, a new
 * patient, a drug with stock, the doctor's chart opened straight from its URL, a checked-in patient
 * and their visit opened from the chart, lab tests ordered in it, a new ward of the ward staff with
 * beds, and a patient admitted on one.
 */
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { signIn, type BrowserHarness } from './browser-harness.ts';

/** The helpers bound to a file's running harness. */
export function clinicalFixtures(running: () => BrowserHarness) {
  /** Runs an operation through the router and insists it succeeds. */
  async function ok<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const result = await running().system.gql<T>(query, variables, token);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!;
  }

  /** A new patient registered by the doctor: Cora, born 1970-03-04, unless `details` name another. */
  async function patient(familyName: string, allergies: string[] = [], details: { givenName?: string; dateOfBirth?: string } = {}) {
    const { givenName = 'Cora', dateOfBirth = '1970-03-04' } = details;
    const { registerPatient } = await ok<{ registerPatient: { id: string; fullName: string } }>(
      'mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { id fullName } }',
      { i: { givenName, familyName, dateOfBirth, allergies } },
      await running().system.tokenFor('doctor'),
    );
    return registerPatient;
  }

  /** A drug with stock, made by the pharmacist. */
  async function drugInStock(name: string) {
    const pharmacist = await running().system.tokenFor('pharmacist');
    const code = `T${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
    const { createDrug } = await ok<{ createDrug: { id: string } }>(
      'mutation($i: CreateDrugInput!) { createDrug(input: $i) { id } }',
      { i: { code, name, form: 'CAPSULE', strength: '500 mg' } },
      pharmacist,
    );
    const expiresOn = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
    await ok('mutation($i: ReceiveStockInput!) { receiveStock(input: $i) { id } }', { i: { drugId: createDrug.id, lotNumber: `L${code}`, quantity: 500, expiresOn } }, pharmacist);
    return createDrug.id;
  }

  /** Signs the doctor in on `page` (a context no one else is signed in to) and opens a patient's chart straight from its URL. */
  async function openChart(page: Page, patient: { id: string; fullName: string }) {
    await signIn(page, running(), 'doctor');
    // A page load keeps the session (the refresh cookie), so the chart opens without signing in again.
    await page.goto(new URL(`/patients/${patient.id}`, running().web.url).href);
    await page.getByRole('heading', { name: `Chart: ${patient.fullName}` }).waitFor({ timeout: 10_000 });
  }

  /**
   * A new patient with an appointment `daysAhead` days from now at `hourUtc`, booked by the doctor
   * and checked in by ward staff, so the doctor may open its visit.
   */
  async function checkedInPatient(familyName: string, visit: { daysAhead: number; hourUtc: number; reason: string }) {
    const registered = await patient(familyName);
    await bookAndCheckIn(registered.id, visit);
    return registered;
  }

  /**
   * Books the doctor an appointment with the patient `daysAhead` days from now at `hourUtc` and has
   * ward staff check it in: the care relationship the doctor needs to read and chart the patient's
   * clinical record.
   */
  async function bookAndCheckIn(patientId: string, visit: { daysAhead: number; hourUtc: number; reason: string }) {
    const start = new Date();
    start.setUTCDate(start.getUTCDate() + visit.daysAhead);
    start.setUTCHours(visit.hourUtc, 0, 0, 0);
    const { bookAppointment } = await ok<{ bookAppointment: { id: string } }>(
      'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }',
      { i: { patientId, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 30 * 60_000).toISOString(), reason: visit.reason } },
      await running().system.tokenFor('doctor'),
    );
    await ok('mutation($id: ID!) { checkInAppointment(id: $id) { id } }', { id: bookAppointment.id }, await running().system.tokenFor('ward_staff'));
  }

  /** Signs the doctor in on `page`, finds the checked-in patient by family name, opens the chart and the visit; the visit's region. */
  async function openVisit(page: Page, familyName: string, patient: { fullName: string }) {
    await signIn(page, running(), 'doctor');
    const search = page.getByRole('region', { name: 'Find a patient' });
    await search.getByLabel('Name or MRN').fill(familyName);
    await search.getByRole('button', { name: `Open chart of ${patient.fullName}` }).click();
    await page.getByRole('button', { name: /^Open visit of/ }).click();
    return page.getByRole('region', { name: /^Visit of/ });
  }

  /** A new ward with a bed of each label, made by the admin, the ward staff account assigned to it; its id and its beds' ids. */
  async function wardWithBeds(name: string, code: string, labels: string[]) {
    const admin = await running().system.tokenFor('admin');
    const { createWard } = await ok<{ createWard: { id: string } }>('mutation($i: CreateWardInput!) { createWard(input: $i) { id } }', { i: { name, code } }, admin);
    const beds: string[] = [];
    for (const label of labels)
      beds.push((await ok<{ addBed: { id: string } }>('mutation($i: AddBedInput!) { addBed(input: $i) { id } }', { i: { wardId: createWard.id, label } }, admin)).addBed.id);
    await ok('mutation($u: ID!, $w: ID!) { assignStaffToWard(userId: $u, wardId: $w) { id } }', { u: running().system.accounts.ward_staff.id, w: createWard.id }, admin);
    return { id: createWard.id, beds };
  }

  /** A new ward (`<prefix> Ward <suffix>`, code `<PREFIX>-<SUFFIX>`) with one bed, the ward staff account assigned, and a new patient admitted to the bed. */
  async function admittedOnNewWard(prefix: string, suffix: string, admission: { familyName: string; reason: string }) {
    const name = `${prefix} Ward ${suffix}`;
    const code = `${prefix.toUpperCase()}-${suffix.toUpperCase()}`;
    const ward = await wardWithBeds(name, code, [`${prefix.slice(0, 2).toUpperCase()}-1`]);
    const admitted = await patient(admission.familyName);
    await ok(
      'mutation($i: AdmitPatientInput!) { admitPatient(input: $i) { id } }',
      { i: { patientId: admitted.id, bedId: ward.beds[0], reason: admission.reason } },
      await running().system.tokenFor('ward_staff'),
    );
    return { ward: { id: ward.id, label: `${name} (${code})` }, patient: admitted };
  }

  /** In an open visit's region: ticks each catalogue test (the first once the catalogue has loaded), orders them; the visit's list of lab results. */
  async function orderLabTests(visit: Locator, tests: string[]) {
    for (const [index, test] of tests.entries()) await visit.getByRole('checkbox', { name: test }).check(index === 0 ? { timeout: 10_000 } : {});
    await visit.getByRole('button', { name: 'Order tests' }).click();
    return visit.getByRole('list', { name: 'Lab results' });
  }

  return { ok, patient, drugInStock, openChart, checkedInPatient, bookAndCheckIn, openVisit, wardWithBeds, admittedOnNewWard, orderLabTests };
}

/**
 * In a reception card ("Book for a doctor", doctor already chosen): finds and chooses the patient by
 * typing (no Enter, no button), then books them tomorrow at `start` for 20 minutes with `reason`.
 * @param card - the card's region
 */
export async function bookTomorrowAtReception(card: Locator, booking: { search: string; patientName: string; start: string; reason: string }): Promise<void> {
  await card.getByLabel('Find patient to book').fill(booking.search);
  await card.getByRole('button', { name: `Choose ${booking.patientName}` }).click();
  const form = card.getByRole('form', { name: 'Book an appointment' });
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await form.getByLabel('Date').fill(tomorrow);
  await form.getByLabel('Start time').fill(booking.start);
  await form.getByLabel('Length (minutes)').fill('20');
  await form.getByLabel('Reason', { exact: true }).fill(booking.reason);
  await form.getByRole('button', { name: 'Book appointment' }).click();
  await form.getByText('Appointment booked.').waitFor({ timeout: 10_000 });
}
