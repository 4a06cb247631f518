/**
 * Lab tests in Chromium against the real system (issue 18): in the visit of a checked-in patient
 * the doctor orders catalogue tests, enters a result, and sees it flagged against the reference
 * range (a critical potassium stands out); the other test stays pending.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserHarnessPerFile, SCREENSHOT_DIR, withPage } from './browser-harness.ts';
import { clinicalFixtures } from './clinical-fixtures.ts';

const running = browserHarnessPerFile();
const { ok, checkedInPatient, openVisit, orderLabTests } = clinicalFixtures(running);

describe('lab tests in a visit', () => {
  it('are ordered from the catalogue, and a result shows its flag', async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    const doctor = await running().system.tokenFor('doctor');
    const lena = await checkedInPatient(`Labvisit${suffix}`, { daysAhead: 4, hourUtc: 11, reason: 'Tired' });

    await withPage(running(), null, async (page) => {
      const visit = await openVisit(page, `Labvisit${suffix}`, lena);
      const results = await orderLabTests(visit, ['Potassium', 'Haemoglobin']);
      const potassium = results.getByRole('listitem').filter({ hasText: 'Potassium' });
      await potassium.getByLabel('Potassium result (mmol/L)').fill('6.9', { timeout: 10_000 });
      await potassium.getByRole('button', { name: 'Enter result' }).click();
      await results.getByText('6.9 mmol/L (CRITICAL high)').waitFor({ timeout: 10_000 });
      await expect.poll(() => results.getByText('pending').count(), { timeout: 10_000 }).toBe(1);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'clinical-lab-results.png'), fullPage: true });
    });

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
