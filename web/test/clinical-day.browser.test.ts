/**
 * The doctor's day in Chromium against the real system (issue 14): a chart opened from "Find a
 * patient" is its own screen (URL, in view, kept over a reload and back/forward); prescribing with
 * a structured dose refuses impossible values and shows an allergy alert; complete / no-show /
 * cancel with a reason, the week view; reception (an administrator) books for any doctor.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserHarnessPerFile, DASHBOARD_HEADINGS, SCREENSHOT_DIR, withPage } from './browser-harness.ts';
import { bookTomorrowAtReception, clinicalFixtures } from './clinical-fixtures.ts';

const running = browserHarnessPerFile();
const { ok, patient, drugInStock, openChart } = clinicalFixtures(running);

describe('the chart has its own route', () => {
  it('opens from "Find a patient" in view, survives a reload, and back returns to the lists', async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    const cora = await patient(`Chartroute${suffix}`);
    await withPage(running(), 'doctor', async (page) => {
      const search = page.getByRole('region', { name: 'Find a patient' });
      await search.getByLabel('Name or MRN').fill(`Chartroute${suffix}`);
      await search.getByRole('button', { name: `Open chart of ${cora.fullName}` }).click();
      const heading = page.getByRole('heading', { name: `Chart: ${cora.fullName}` });
      await heading.waitFor({ timeout: 10_000 });
      expect(new URL(page.url()).pathname).toBe(`/patients/${cora.id}`);
      const box = (await heading.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(page.viewportSize()!.height);

      // A reload stays signed in (the refresh cookie) and lands on the same chart.
      await page.reload();
      await heading.waitFor({ timeout: 10_000 });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'doctor-chart-route.png'), fullPage: true });

      await page.getByRole('button', { name: 'Close chart' }).click();
      await page.getByRole('region', { name: 'Find a patient' }).waitFor({ timeout: 5_000 });
      expect(new URL(page.url()).pathname).toBe('/');
      await page.goBack();
      await heading.waitFor({ timeout: 10_000 });
      expect(await page.getByRole('heading', { name: DASHBOARD_HEADINGS.doctor, level: 1 }).count()).toBe(1);
    });
  }, 60_000);
});

describe('prescribing', () => {
  it('refuses impossible values under the field, alerts on an allergy naming it and the drug, and shows the override on the chart', async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    const cora = await patient(`Prescribe${suffix}`, ['Penicillin']);
    const drugName = `Amoxicillin ${suffix}`;
    await drugInStock(drugName);
    await withPage(running(), null, async (page) => {
      await openChart(page, cora);
      const form = page.getByRole('form', { name: 'Write a prescription' });
      await form.getByLabel('Find a drug').fill(drugName);
      await form.getByLabel('Drug', { exact: true }).locator('option', { hasText: '500 in stock (unexpired)' }).waitFor({ state: 'attached', timeout: 10_000 });
      await form.getByLabel('Drug', { exact: true }).selectOption({ index: 1 });
      await form.getByLabel('Dose').fill('5000');
      await form.getByLabel('Unit').selectOption({ label: 'g' });
      await form.getByLabel('Quantity').fill('9999');
      await form.getByRole('button', { name: 'Prescribe' }).click();
      await form.getByText('5000 g in one dose is not possible: at most 5 g.').waitFor({ timeout: 5_000 });

      await form.getByLabel('Dose').fill('1');
      await form.getByLabel('Unit').selectOption({ label: 'capsule' });
      await form.getByLabel('How often').selectOption({ label: 'three times a day' });
      await form.getByRole('button', { name: 'Prescribe' }).click();
      await form.getByText(/Quantity 9999 is far more than the course needs \(21 capsules/).waitFor({ timeout: 5_000 });

      await form.getByLabel('Quantity').fill('21');
      await form.getByLabel('Directions (as directed, optional)').fill('with food');
      await form.getByRole('button', { name: 'Prescribe' }).click();
      const alert = form.getByRole('alert');
      await alert.waitFor({ timeout: 10_000 });
      const words = await alert.textContent();
      expect(words).toContain('Allergy alert');
      expect(words).toContain('Penicillin');
      expect(words).toContain(drugName);
      expect(words).not.toContain('allergyOverrideReason');
      expect(words).not.toContain('not valid');

      await form.getByLabel('Reason to override the allergy alert').fill('Tolerated amoxicillin last year under observation');
      await form.getByRole('button', { name: 'Prescribe' }).click();
      await form
        .getByRole('status')
        .getByText(`Prescription for ${drugName} (1 capsule, three times a day; as directed: with food) sent to the pharmacy.`)
        .waitFor({ timeout: 10_000 });
      const chart = page.getByRole('region', { name: `Chart: ${cora.fullName}` });
      await chart.getByText('Allergy alert overridden (Penicillin): Tolerated amoxicillin last year under observation').waitFor({ timeout: 10_000 });
      await chart.getByText('1 capsule by mouth, three times a day; as directed: with food').waitFor();
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'doctor-prescribe.png'), fullPage: true });
    });
  }, 60_000);
});

describe('the doctor’s appointments', () => {
  it('completes a visit, marks a no-show, cancels only with a reason and a confirmation, and shows a week with free slots', async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    const cora = await patient(`Visits${suffix}`);
    const doctor = await running().system.tokenFor('doctor');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    for (const [hour, reason] of [
      ['10', 'Visit A'],
      ['11', 'Visit B'],
      ['12', 'Visit C'],
    ] as const) {
      const input = { patientId: cora.id, startsAt: `${tomorrow}T${hour}:00:00Z`, endsAt: `${tomorrow}T${hour}:20:00Z`, reason };
      await ok('mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }', { i: input }, doctor);
    }
    await withPage(running(), null, async (page) => {
      await openChart(page, cora);
      const chart = page.getByRole('region', { name: `Chart: ${cora.fullName}` });
      const row = (reason: string) => chart.getByRole('row').filter({ hasText: reason });

      await row('Visit A')
        .getByRole('button', { name: /^Cancel the appointment of/ })
        .click();
      const confirm = row('Visit A').getByRole('group', { name: /^Cancel the appointment of/ });
      await confirm.getByRole('button', { name: 'Confirm cancellation' }).click();
      await confirm.getByText('Give the reason for cancelling.').waitFor();
      expect(await row('Visit A').getByText('Scheduled').count()).toBe(1);
      await confirm.getByLabel('Reason for cancelling').fill('Patient phoned: feeling better');
      await confirm.getByRole('button', { name: 'Confirm cancellation' }).click();
      await row('Visit A').getByText('Cancelled').waitFor({ timeout: 10_000 });

      await row('Visit B')
        .getByRole('button', { name: /^Check in the appointment of/ })
        .click();
      await row('Visit B')
        .getByRole('button', { name: /^Complete the appointment of/ })
        .click();
      await row('Visit B').getByText('Completed').waitFor({ timeout: 10_000 });

      await row('Visit C')
        .getByRole('button', { name: /^Mark the appointment of .* as no-show$/ })
        .click();
      await row('Visit C').getByText('Did not attend').waitFor({ timeout: 10_000 });

      const { appointments } = await ok<{ appointments: { edges: { node: { reason: string; status: string } }[] } }>(
        'query($p: ID!) { appointments(patientId: $p, first: 10) { edges { node { reason status } } } }',
        { p: cora.id },
        doctor,
      );
      expect(Object.fromEntries(appointments.edges.map((edge) => [edge.node.reason, edge.node.status]))).toEqual({
        'Visit A': 'CANCELLED',
        'Visit B': 'COMPLETED',
        'Visit C': 'NO_SHOW',
      });

      await page.getByRole('button', { name: 'Close chart' }).click();
      await page.getByRole('group', { name: 'Schedule view' }).getByRole('button', { name: 'Week' }).click();
      const week = page.getByRole('region', { name: 'This week' });
      await week
        .getByLabel(/^Free slots /)
        .first()
        .waitFor({ timeout: 10_000 });
      expect(await week.getByLabel(/^Free slots /).count()).toBe(7);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'doctor-week.png'), fullPage: true });
    });
  }, 60_000);
});

describe('reception', () => {
  it('lets an administrator book a patient with any doctor', async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    const cora = await patient(`Reception${suffix}`);
    const doctorAccount = running().system.accounts.doctor;
    await withPage(running(), 'admin', async (page) => {
      const card = page.getByRole('region', { name: 'Book for a doctor' });
      // The picker shows names only (no email): wait for the doctor's option by id.
      await card.getByLabel('Doctor', { exact: true }).locator(`option[value="${doctorAccount.id}"]`).waitFor({ state: 'attached', timeout: 10_000 });
      await card.getByLabel('Doctor', { exact: true }).selectOption({ value: doctorAccount.id });
      await bookTomorrowAtReception(card, { search: `Reception${suffix}`, patientName: cora.fullName, start: '14:00', reason: 'Booked by reception' });
      const { appointments } = await ok<{ appointments: { edges: { node: { reason: string; doctor: { id: string } } }[] } }>(
        'query($p: ID!) { appointments(patientId: $p, first: 5) { edges { node { reason doctor { id } } } } }',
        { p: cora.id },
        await running().system.tokenFor('admin'),
      );
      expect(appointments.edges.map((edge) => edge.node)).toEqual([{ reason: 'Booked by reception', doctor: { id: doctorAccount.id } }]);
    });
  }, 60_000);
});
