/**
 * A doctor books an appointment with the keyboard alone (issue 14), in Chromium against the real
 * system: sign in, find the patient, open the chart, fill the booking form and submit, moving only
 * with Tab and typing. No click, so a control that needs a mouse fails the test.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserHarnessPerFile, withPage } from './browser-harness.ts';
import { clinicalFixtures } from './clinical-fixtures.ts';

const running = browserHarnessPerFile();
const { ok, patient } = clinicalFixtures(running);

/** The focused element's accessible label: aria-label, its <label>, or its text. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const labelled = el.getAttribute('aria-label');
    if (labelled) return labelled;
    const id = el.getAttribute('id');
    const label = (id ? document.querySelector(`label[for="${CSS.escape(id)}"]`) : null) ?? el.closest('label');
    return (label?.textContent ?? el.textContent ?? '').trim();
  });

/** Presses Tab until the focused control is named `name` (exactly, or matching); fails after `most` presses. */
async function tabTo(page: Page, name: string | RegExp, most = 80): Promise<void> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    const focused = await focusedName(page);
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
  }
  throw new Error(`Tab never reached "${String(name)}" (last focus: "${await focusedName(page)}")`);
}

/**
 * Types a date into the focused date input. Chromium orders its segments by the browser's UI
 * locale (month first under en-US, day first under en-GB), so the other order is tried when the
 * first did not give the date.
 */
async function typeDate(page: Page, mm: string, dd: string, yyyy: string): Promise<void> {
  const iso = `${yyyy}-${mm}-${dd}`;
  const focusedValue = () => page.evaluate(() => (document.activeElement as HTMLInputElement).value);
  await page.keyboard.type(`${mm}${dd}${yyyy}`);
  if ((await focusedValue()) === iso) return;
  // Back from the year to the first segment (each segment is a tab stop inside the field).
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type(`${dd}${mm}${yyyy}`);
  expect(await focusedValue()).toBe(iso);
}

describe('keyboard only', () => {
  it("completes the doctor's booking without a pointer", async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    const cora = await patient(`Keyboard${suffix}`);
    await withPage(running(), null, async (page) => {
      await page.goto(running().web.url);
      const { email, password } = running().system.accounts.doctor;
      await tabTo(page, 'Email');
      await page.keyboard.type(email);
      await tabTo(page, 'Password');
      await page.keyboard.type(password);
      await page.keyboard.press('Enter');
      await page.getByRole('region', { name: 'Find a patient' }).waitFor({ timeout: 20_000 });

      await tabTo(page, 'Name or MRN');
      await page.keyboard.type(`Keyboard${suffix}`);
      await page.getByRole('button', { name: `Open chart of ${cora.fullName}` }).waitFor({ timeout: 10_000 });
      await tabTo(page, `Open chart of ${cora.fullName}`);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: `Chart: ${cora.fullName}` }).waitFor({ timeout: 10_000 });

      const tomorrow = new Date(Date.now() + 86_400_000);
      const mm = String(tomorrow.getUTCMonth() + 1).padStart(2, '0');
      const dd = String(tomorrow.getUTCDate()).padStart(2, '0');
      await tabTo(page, 'Date');
      await typeDate(page, mm, dd, String(tomorrow.getUTCFullYear()));
      await tabTo(page, 'Start time');
      await page.keyboard.type('1540');
      await tabTo(page, 'Length (minutes)');
      await page.keyboard.press('Control+A');
      await page.keyboard.type('20');
      await tabTo(page, 'Reason');
      await page.keyboard.type('Booked by keyboard');
      await page.keyboard.press('Enter');
      await page
        .getByText('Appointment booked.')
        .waitFor({ timeout: 15_000 })
        .catch(async (error: unknown) => {
          const form = page.getByRole('form', { name: 'Book an appointment' });
          const values = await form.locator('input').evaluateAll((inputs) => inputs.map((i) => `${(i as HTMLInputElement).type}=${(i as HTMLInputElement).value}`));
          throw new Error(`${String(error)}\nform: ${await form.innerText()}\ninputs: ${values.join(', ')}`);
        });

      const { appointments } = await ok<{ appointments: { edges: { node: { reason: string; startsAt: string; endsAt: string } }[] } }>(
        'query($p: ID!) { appointments(patientId: $p, first: 5) { edges { node { reason startsAt endsAt } } } }',
        { p: cora.id },
        await running().system.tokenFor('doctor'),
      );
      expect(appointments.edges).toHaveLength(1);
      const booked = appointments.edges[0]!.node;
      expect(booked.reason).toBe('Booked by keyboard');
      expect(new Date(booked.endsAt).getTime() - new Date(booked.startsAt).getTime()).toBe(20 * 60_000);
    });
  }, 120_000);
});
