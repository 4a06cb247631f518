/**
 * The notifications inbox in Chromium against the real system (issue 18): a doctor orders a lab
 * test in a visit; the result is entered elsewhere, the notifications service (from the clinical
 * Kafka topic) puts "Critical lab result to review" in the doctor's inbox, and the bell's unread
 * count rises WITHOUT a reload. The inbox lists it first and unread, marking it read lowers the
 * count, and its link opens the patient's lab results. A role nobody notifies sees an empty inbox.
 * A database of its own, so the doctor's inbox holds only this file's notifications; the hospital's
 * zone (Asia/Kolkata) differs from the browser's (UTC).
 * Needs KAFKA_BROKERS (the run's broker).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { uniqueLetters } from '@hospital/service-kit/testing';
import { browserHarnessPerFile, withPage } from './browser-harness.ts';
import { clinicalFixtures } from './clinical-fixtures.ts';

// The hospital's zone is not the browser's (UTC): times must be shown in the hospital's.
const HOSPITAL_ZONE = 'Asia/Kolkata';
const running = browserHarnessPerFile({ ownDatabase: true, hospitalTimeZone: HOSPITAL_ZONE });

/** HH:mm of an instant in the hospital's zone. */
const hospitalClock = (instant: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: HOSPITAL_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
const { ok, checkedInPatient, openVisit } = clinicalFixtures(running);

/** The header's bell, whatever its count. */
const bell = (page: Page) => page.getByRole('button', { name: /^Notifications \(\d+ unread\)$/ });

/** Marks the page, so a later check proves it was never reloaded. */
const markPage = (page: Page) => page.evaluate(() => void ((window as unknown as { inboxMark?: number }).inboxMark = 1));
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { inboxMark?: number }).inboxMark === 1);

describe('notifications inbox', () => {
  it("counts a lab result of the doctor's order without a reload; the inbox marks it read and opens the results", async () => {
    const family = `Bell${uniqueLetters(8)}`;
    const doctor = await running().system.tokenFor('doctor');
    const patient = await checkedInPatient(family, { daysAhead: 4, hourUtc: 9, reason: 'Palpitations' });
    // Booking and check-in each notify the doctor: wait for both, so the count below moves only for the result.
    await expect.poll(async () => (await ok<{ unreadNotificationCount: number }>('{ unreadNotificationCount }', {}, doctor)).unreadNotificationCount, { timeout: 30_000 }).toBe(2);

    await withPage(running(), null, async (page) => {
      const visit = await openVisit(page, family, patient);
      await visit.getByRole('checkbox', { name: 'Potassium' }).check({ timeout: 10_000 });
      await visit.getByRole('button', { name: 'Order tests' }).click();
      await visit.getByRole('list', { name: 'Lab results' }).getByLabel('Potassium result (mmol/L)').waitFor({ timeout: 10_000 });
      await expect.poll(() => bell(page).getAttribute('aria-label'), { timeout: 10_000 }).toBe('Notifications (2 unread)');
      await markPage(page);

      // The lab enters the result (an administrator account, as the lab interface does): critically high.
      const { patient: ordered } = await ok<{ patient: { labOrders: { id: string }[] } }>('query($id: ID!) { patient(id: $id) { labOrders { id } } }', { id: patient.id }, doctor);
      const orderId = ordered.labOrders[0]!.id;
      await ok('mutation($o: ID!) { enterLabResult(orderId: $o, value: 6.9, unit: "mmol/L") { id } }', { o: orderId }, await running().system.tokenFor('admin'));

      // Kafka to the inbox, then the bell's next re-read (every 20 s): no reload.
      await expect.poll(() => bell(page).getAttribute('aria-label'), { timeout: 60_000 }).toBe('Notifications (3 unread)');
      expect(await stillMarked(page)).toBe(true);

      await bell(page).click();
      const panel = page.getByRole('region', { name: 'Notifications', exact: true });
      const list = panel.getByRole('list', { name: 'Your notifications' });
      const items = list.getByRole('listitem');
      await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(3);
      // Newest first, unread, with its time in the hospital's zone and no patient detail.
      const newest = items.first();
      expect(await newest.getAttribute('aria-label')).toBe('Unread: Critical lab result to review');
      const time = newest.locator('time');
      const shownAt = (await time.textContent()) ?? '';
      expect(shownAt).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2}$/);
      expect(shownAt.endsWith(hospitalClock((await time.getAttribute('datetime'))!))).toBe(true);
      expect(await newest.textContent()).not.toContain(family);
      expect(await panel.textContent()).toContain('3 notifications');

      await newest.getByRole('button', { name: 'Mark read: Critical lab result to review' }).click();
      await expect.poll(() => bell(page).getAttribute('aria-label'), { timeout: 10_000 }).toBe('Notifications (2 unread)');
      await expect.poll(() => newest.getAttribute('aria-label'), { timeout: 10_000 }).toBe('Critical lab result to review');

      // The link leads to the patient's lab results, where the critical value shows.
      await newest.getByRole('link', { name: 'Open the lab results' }).click();
      await page.getByRole('heading', { name: `Chart: ${patient.fullName}` }).waitFor({ timeout: 10_000 });
      expect(new URL(page.url()).pathname).toBe(`/patients/${patient.id}`);
      const results = page.getByRole('region', { name: 'Lab results' });
      await results.getByText('6.9 mmol/L (CRITICAL high)').waitFor({ timeout: 10_000 });
      expect(await stillMarked(page)).toBe(true);

      // An appointment notification leads to the same patient's chart, and following it marks it read.
      await bell(page).click();
      const checkIn = items.filter({ hasText: 'checked in' }).first();
      await checkIn.getByRole('link', { name: "Open the patient's chart" }).click();
      await expect.poll(() => bell(page).getAttribute('aria-label'), { timeout: 10_000 }).toBe('Notifications (1 unread)');
      await page.getByRole('heading', { name: `Chart: ${patient.fullName}` }).waitFor({ timeout: 10_000 });
    });
  }, 240_000);

  it.each(['pharmacist', 'ward_staff'] as const)(
    'shows an empty inbox to a role nobody notifies (%s)',
    async (role) => {
      await withPage(running(), role, async (page) => {
        await expect.poll(() => bell(page).getAttribute('aria-label'), { timeout: 10_000 }).toBe('Notifications (0 unread)');
        await bell(page).click();
        const panel = page.getByRole('region', { name: 'Notifications', exact: true });
        await panel.getByText('No notifications yet.', { exact: false }).waitFor({ timeout: 10_000 });
        expect(await panel.getByRole('list', { name: 'Your notifications' }).count()).toBe(0);
        // Escape closes the panel and returns to the bell.
        await page.keyboard.press('Escape');
        await expect.poll(() => panel.count()).toBe(0);
        expect(await bell(page).evaluate((element) => element === document.activeElement)).toBe(true);
      });
    },
    120_000,
  );
});
