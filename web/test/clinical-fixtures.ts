/**
 * What the clinical-day browser tests share: operations through the router as a given role, a new
 * patient, a drug with stock, and the doctor's chart opened straight from its URL.
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

  /** A new patient registered by the doctor. */
  async function patient(familyName: string, allergies: string[] = []) {
    const { registerPatient } = await ok<{ registerPatient: { id: string; fullName: string } }>(
      'mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { id fullName } }',
      { i: { givenName: 'Cora', familyName, dateOfBirth: '1970-03-04', allergies } },
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

  return { ok, patient, drugInStock, openChart };
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
