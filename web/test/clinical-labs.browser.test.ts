/**
 * Lab tests in Chromium against the real system (issue 18): in the visit of a checked-in patient
 * the doctor orders catalogue tests, enters a result, and sees it flagged against the reference
 * range (a critical potassium stands out); the other test stays pending.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserHarnessPerFile, SCREENSHOT_DIR, signIn } from './browser-harness.ts';

const running = browserHarnessPerFile();

/** Runs an operation through the router and insists it succeeds. */
async function ok<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const result = await running().system.gql<T>(query, variables, token);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!;
}

describe('lab tests in a visit', () => {
  it('are ordered from the catalogue, and a result shows its flag', async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    const doctor = await running().system.tokenFor('doctor');
    const { registerPatient: lena } = await ok<{ registerPatient: { id: string; fullName: string } }>(
      'mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { id fullName } }',
      { i: { givenName: 'Lena', familyName: `Labvisit${suffix}`, dateOfBirth: '1958-06-06' } },
      doctor,
    );
    const start = new Date();
    start.setUTCDate(start.getUTCDate() + 4);
    start.setUTCHours(11, 0, 0, 0);
    const { bookAppointment } = await ok<{ bookAppointment: { id: string } }>(
      'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }',
      { i: { patientId: lena.id, startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 30 * 60_000).toISOString(), reason: 'Tired' } },
      doctor,
    );
    await ok('mutation($id: ID!) { checkInAppointment(id: $id) { id } }', { id: bookAppointment.id }, await running().system.tokenFor('ward_staff'));

    const context = await running().newContext();
    try {
      const page = await context.newPage();
      await signIn(page, running(), 'doctor');
      const search = page.getByRole('region', { name: 'Find a patient' });
      await search.getByLabel('Name or MRN').fill(`Labvisit${suffix}`);
      await search.getByRole('button', { name: `Open chart of ${lena.fullName}` }).click();
      await page.getByRole('button', { name: /^Open visit of/ }).click();
      const visit = page.getByRole('region', { name: /^Visit of/ });
      await visit.getByRole('checkbox', { name: 'Potassium' }).check({ timeout: 10_000 });
      await visit.getByRole('checkbox', { name: 'Haemoglobin' }).check();
      await visit.getByRole('button', { name: 'Order tests' }).click();
      const results = visit.getByRole('list', { name: 'Lab results' });
      const potassium = results.getByRole('listitem').filter({ hasText: 'Potassium' });
      await potassium.getByLabel('Potassium result (mmol/L)').fill('6.9', { timeout: 10_000 });
      await potassium.getByRole('button', { name: 'Enter result' }).click();
      await results.getByText('6.9 mmol/L (CRITICAL high)').waitFor({ timeout: 10_000 });
      await expect.poll(() => results.getByText('pending').count(), { timeout: 10_000 }).toBe(1);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'clinical-lab-results.png'), fullPage: true });
    } finally {
      await context.close();
    }

    const { patient } = await ok<{ patient: { labOrders: { test: { name: string }; result: { flag: string } | null }[] } }>(
      'query($id: ID!) { patient(id: $id) { labOrders { test { name } result { flag } } } }',
      { id: lena.id },
      doctor,
    );
    expect(patient.labOrders.map((o) => [o.test.name, o.result?.flag ?? null]).sort()).toEqual([
      ['Haemoglobin', null],
      ['Potassium', 'CRITICAL_HIGH'],
    ]);
  }, 120_000);
});
