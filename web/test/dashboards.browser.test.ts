/**
 * The web app tested as a person would use it, in Debian's Chromium against the real system:
 * signing in as each role, a wrong password, a booking appearing live on another screen, moving an
 * appointment to a free slot, and actions a role may not take being absent. Screenshots go to test-results/screenshots/.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RoleName } from '@hospital/service-kit';
import { browserHarnessPerFile, DASHBOARD_HEADINGS, SCREENSHOT_DIR, signIn, typeSignIn, withPage } from './browser-harness.ts';

const running = browserHarnessPerFile();

describe('web app in a real browser', () => {
  it('says plainly when the password is wrong', async () => {
    await withPage(running(), null, async (page) => {
      await typeSignIn(page, running(), running().system.accounts.doctor.email, 'not-the-password');
      const alert = page.getByRole('alert');
      await alert.waitFor({ timeout: 10_000 });
      expect(await alert.textContent()).toContain('The email or password is not correct');
      expect(await page.content()).not.toContain('extensions');
    });
  });

  const roles = Object.keys(DASHBOARD_HEADINGS) as RoleName[];
  it('signs each role in to its own dashboard, offering nothing the role may not do', async () => {
    const context = await running().newContext();
    try {
      for (const role of roles) {
        const page = await context.newPage();
        await signIn(page, running(), role);
        // Let the dashboard's first queries settle before the picture.
        await page.waitForLoadState('networkidle').catch(() => undefined);
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${role}-dashboard.png`), fullPage: true });
        if (role === 'doctor') {
          expect(await page.getByRole('button', { name: /dispense/i }).count()).toBe(0);
          expect(await page.getByRole('heading', { name: "Today's schedule" }).count()).toBe(1);
        }
        if (role === 'finance') {
          expect(await page.getByText(/allerg/i).count()).toBe(0);
          expect(await page.getByRole('button', { name: /prescribe|book appointment/i }).count()).toBe(0);
        }
        if (role === 'pharmacist') expect(await page.getByRole('button', { name: /book appointment|prescribe/i }).count()).toBe(0);
        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 5_000 });
        await page.close();
      }
    } finally {
      await context.close();
    }
  }, 120_000);

  it('fits every dashboard on a 390 px phone without horizontal scrolling of the page', async () => {
    for (const role of roles) {
      // One browser per role: a session outlives its page (the refresh cookie is the context's).
      const context = await running().browser.newContext({ timezoneId: 'UTC', locale: 'en-GB', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      try {
        const page = await context.newPage();
        await signIn(page, running(), role);
        await page.waitForLoadState('networkidle').catch(() => undefined);
        const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
        expect(widths.page, `${role} dashboard overflows a 390 px screen`).toBeLessThanOrEqual(widths.viewport);
        await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${role}-dashboard-390.png`), fullPage: true });
      } finally {
        await context.close();
      }
    }
  }, 60_000);

  it("shows a booking made on one screen live on the doctor's schedule on another", async () => {
    const suffix = Math.random().toString(36).slice(2, 8);
    const familyName = `Webtest${suffix}`;
    const doctorToken = await running().system.tokenFor('doctor');
    const registered = await running().system.gql<{ registerPatient: { id: string; fullName: string } }>(
      'mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { id fullName } }',
      { input: { givenName: 'Ada', familyName, dateOfBirth: '1980-02-03', allergies: ['penicillin'] } },
      doctorToken,
    );
    const fullName = registered.data?.registerPatient.fullName;
    expect(fullName, JSON.stringify(registered.errors)).toBeTruthy();

    const watching = await running().newContext();
    const booking = await running().newContext();
    try {
      const schedulePage = await watching.newPage();
      await signIn(schedulePage, running(), 'doctor');
      const schedule = schedulePage.getByRole('region', { name: "Today's schedule" });
      // The day's free slots line shows once the schedule has loaded, empty or not.
      await schedule
        .getByText(/^Free: |^No free slots\./)
        .first()
        .waitFor({ timeout: 10_000 });
      expect(await schedule.getByText(fullName!).count()).toBe(0);

      const page = await booking.newPage();
      await signIn(page, running(), 'doctor');
      await page.getByLabel('Name or MRN').fill(familyName);
      await page
        .getByRole('region', { name: 'Find a patient' })
        .getByRole('button', { name: `Open chart of ${fullName}` })
        .click();
      const chart = page.getByRole('region', { name: `Chart: ${fullName}` });
      await chart.getByRole('list', { name: 'Allergies' }).getByText('penicillin').waitFor({ timeout: 10_000 });
      // Now (UTC, as the contexts are): within the API's grace for "not in the past", and today.
      const now = new Date();
      await chart.getByLabel('Date').fill(now.toISOString().slice(0, 10));
      await chart.getByLabel('Start time').fill(now.toISOString().slice(11, 16));
      await chart.getByLabel('Length (minutes)').fill('10');
      await chart.getByLabel('Reason', { exact: true }).fill('Browser test follow-up');
      await chart.getByRole('button', { name: 'Book appointment' }).click();
      await chart.getByText('Appointment booked.').waitFor({ timeout: 10_000 });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'doctor-chart.png'), fullPage: true });

      // The other screen was not reloaded: the subscription brings the booking.
      await schedule.getByText(fullName!).waitFor({ timeout: 5_000 });
      await schedulePage.screenshot({ path: path.join(SCREENSHOT_DIR, 'doctor-schedule-live.png'), fullPage: true });
    } finally {
      await watching.close();
      await booking.close();
    }
  }, 30_000);
  it("reschedules an appointment from the patient's chart to a free slot", async () => {
    const suffix = Math.random().toString(36).slice(2, 8);
    const familyName = `Movetest${suffix}`;
    const doctorToken = await running().system.tokenFor('doctor');
    const registered = await running().system.gql<{ registerPatient: { id: string; fullName: string } }>(
      'mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { id fullName } }',
      { input: { givenName: 'Grace', familyName, dateOfBirth: '1975-06-07' } },
      doctorToken,
    );
    const patient = registered.data?.registerPatient;
    expect(patient, JSON.stringify(registered.errors)).toBeTruthy();
    // Tomorrow (UTC) at 10:00: always in the future, whatever time of day the test runs, and the
    // chart lists it whatever the day (today's schedule would not after late evening).
    const tomorrow = new Date(Date.now() + 24 * 3_600_000).toISOString().slice(0, 10);
    const booked = await running().system.gql<{ bookAppointment: { id: string } }>(
      'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }',
      { input: { patientId: patient!.id, startsAt: `${tomorrow}T10:00:00.000Z`, endsAt: `${tomorrow}T10:10:00.000Z`, reason: 'To be moved' } },
      doctorToken,
    );
    const appointmentId = booked.data?.bookAppointment.id;
    expect(appointmentId, JSON.stringify(booked.errors)).toBeTruthy();

    await withPage(running(), 'doctor', async (page) => {
      // The doctor's own patients are listed by default; other patients are found by search.
      await page.getByRole('region', { name: 'My patients' }).getByText(patient!.fullName).waitFor({ timeout: 10_000 });
      await page.getByLabel('Name or MRN').fill(familyName);
      await page
        .getByRole('region', { name: 'Find a patient' })
        .getByRole('button', { name: `Open chart of ${patient!.fullName}` })
        .click();
      const chart = page.getByRole('region', { name: `Chart: ${patient!.fullName}` });
      await chart.getByRole('button', { name: /^Reschedule the appointment of/ }).click();
      const form = chart.getByRole('form', { name: /^Reschedule the appointment of/ });
      // The contexts run in UTC, so these are the times the inputs mean.
      await form.getByLabel('New date').fill(tomorrow);
      await form.getByLabel('New start time').fill('10:30');
      await form.getByLabel('New end time').fill('10:40');
      await form.getByRole('button', { name: 'Save new time' }).click();
      await form.waitFor({ state: 'detached', timeout: 10_000 });
      const after = await running().system.gql<{ appointment: { startsAt: string; endsAt: string } }>(
        'query($id: ID!) { appointment(id: $id) { startsAt endsAt } }',
        { id: appointmentId },
        doctorToken,
      );
      expect(after.data?.appointment).toEqual({ startsAt: `${tomorrow}T10:30:00.000Z`, endsAt: `${tomorrow}T10:40:00.000Z` });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'doctor-rescheduled.png'), fullPage: true });
    });
  }, 30_000);
});
