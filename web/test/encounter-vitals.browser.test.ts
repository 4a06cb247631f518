/**
 * The clinical record in Chromium against the real system (issue 18): a doctor opens the visit of
 * a checked-in appointment from the patient's chart, writes a note and signs it, adds an ICD-10-coded
 * diagnosis with its onset and resolves it (a date before the onset refused); ward staff record
 * vital signs from the bed board and see the NEWS2 they score.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserHarnessPerFile, SCREENSHOT_DIR, withPage } from './browser-harness.ts';
import { clinicalFixtures } from './clinical-fixtures.ts';
// How the dashboards write a calendar day ("27 Nov 2026").
import { formatDate as shown } from '../src/time/hospital-time.ts';

/** The UTC day (the harness's hospital zone) `days` before today, YYYY-MM-DD. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

const running = browserHarnessPerFile();
const { ok, checkedInPatient, openVisit, admittedOnNewWard } = clinicalFixtures(running);

describe('a visit and its note', () => {
  it('is opened from the chart of a checked-in patient; the note is written and signed, a coded diagnosis added and resolved', async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    const vera = await checkedInPatient(`Visitnote${suffix}`, { daysAhead: 3, hourUtc: 10, reason: 'Cough' });

    await withPage(running(), null, async (page) => {
      const visit = await openVisit(page, `Visitnote${suffix}`, vera);
      await visit.getByLabel('New note').fill('Dry cough for a week; chest clear.');
      await visit.getByRole('button', { name: 'Save draft' }).click();
      await visit.getByText('Dry cough for a week; chest clear.').waitFor({ timeout: 10_000 });
      await visit.getByText('Draft').waitFor();
      await visit.getByRole('button', { name: 'Sign note' }).click();
      await visit.getByText(/^Signed /).waitFor({ timeout: 10_000 });
      // A coded diagnosis: the field suggests codes from the shipped ICD-10 list; the first word is the code.
      await visit.getByLabel('ICD-10 code').fill('J18.9 Pneumonia, unspecified organism');
      await visit.getByLabel('Onset (optional)').fill(daysAgo(10));
      await visit.getByRole('button', { name: 'Add diagnosis' }).click();
      const active = visit.getByRole('list', { name: 'Problem list' });
      await active.getByText('Pneumonia, unspecified organism').waitFor({ timeout: 10_000 });
      await active.getByText(`onset ${shown(daysAgo(10))}`).waitFor();
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'clinical-visit-note.png'), fullPage: true });

      // Resolving: the date starts at today (hospital time); one before the onset is the API's BAD_USER_INPUT, said under the date.
      await visit.getByRole('button', { name: 'Resolve J18.9 Pneumonia, unspecified organism' }).click();
      const resolve = visit.getByRole('form', { name: 'Resolve J18.9 Pneumonia, unspecified organism' });
      expect(await resolve.getByLabel('Resolution date').inputValue()).toBe(daysAgo(0));
      await resolve.getByLabel('Resolution date').fill(daysAgo(11));
      await resolve.getByRole('button', { name: 'Resolve' }).click();
      await resolve.getByText(/must not be before the onset/).waitFor({ timeout: 10_000 });
      expect(await resolve.getByLabel('Resolution date').getAttribute('aria-invalid')).toBe('true');
      await resolve.getByLabel('Resolution date').fill(daysAgo(3));
      await resolve.getByRole('button', { name: 'Resolve' }).click();
      const resolved = visit.getByRole('list', { name: 'Resolved problems' });
      await resolved.getByText(`J18.9 Pneumonia, unspecified organism · resolved ${shown(daysAgo(3))}`).waitFor({ timeout: 10_000 });
      await visit
        .getByRole('status')
        .getByText(`J18.9 Pneumonia, unspecified organism resolved on ${shown(daysAgo(3))}.`)
        .waitFor();
      expect(await active.getByRole('listitem').count()).toBe(0);
    });

    const { patient: record } = await ok<{
      patient: { encounters: { status: string; notes: { text: string; signed: boolean }[] }[]; problems: { active: boolean; onsetDate: string; resolvedDate: string }[] };
    }>(
      'query($id: ID!) { patient(id: $id) { encounters { status notes { text signed } } problems { active onsetDate resolvedDate } } }',
      { id: vera.id },
      await running().system.tokenFor('doctor'),
    );
    expect(record.encounters).toEqual([{ status: 'OPEN', notes: [{ text: 'Dry cough for a week; chest clear.', signed: true }] }]);
    expect(record.problems).toEqual([{ active: false, onsetDate: daysAgo(10), resolvedDate: daysAgo(3) }]);
  });
});

describe('vital signs on the bed board', () => {
  it('are recorded by ward staff and show the NEWS2 they score', async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    const { ward, patient: otto } = await admittedOnNewWard('Obs', suffix, { familyName: `Obs${suffix}`, reason: 'Pneumonia' });

    await withPage(running(), 'ward_staff', async (page) => {
      await page.getByLabel('Ward', { exact: true }).selectOption({ label: ward.label });
      await page.getByRole('button', { name: `Record vitals of ${otto.fullName}` }).click();
      const form = page.getByRole('form', { name: `Vital signs of ${otto.fullName}` });
      // RR 22 (2) + SpO2 94 (1) + oxygen (2) + pulse 115 (2) = 7: high.
      await form.getByLabel('Temperature (°C)').fill('37.2');
      await form.getByLabel('Pulse (beats/min)').fill('115');
      await form.getByLabel('Respiratory rate (/min)').fill('22');
      await form.getByLabel('SpO2 (%)').fill('94');
      await form.getByLabel('Systolic BP (mmHg)').fill('120');
      await form.getByLabel('Consciousness (ACVPU)').selectOption('ALERT');
      await form.getByLabel('On supplemental oxygen').check();
      await form.getByRole('button', { name: 'Record vitals' }).click();
      await expect.poll(() => page.getByLabel(`NEWS2 of ${otto.fullName}`).textContent(), { timeout: 10_000 }).toBe('NEWS2 7 (high)');
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'clinical-vitals.png'), fullPage: true });

      // An impossible value is refused and says which.
      await page.getByRole('button', { name: `Record vitals of ${otto.fullName}` }).click();
      await form.getByLabel('Temperature (°C)').fill('375');
      await form.getByRole('button', { name: 'Record vitals' }).click();
      await form.getByText(/Temperature must be between 25 and 45/).waitFor({ timeout: 10_000 });
      // The chart over time lists the recorded set, abnormal values marked, with its score.
      const chart = page.getByRole('table', { name: `Vital signs of ${otto.fullName}` });
      await chart.getByRole('cell', { name: '7 (high)' }).waitFor({ timeout: 10_000 });
      await chart.getByRole('cell', { name: '115 !' }).waitFor();
    });
  });
});
