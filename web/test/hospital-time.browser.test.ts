/**
 * One hospital time zone (issue 14): the web server's HOSPITAL_TIME_ZONE, not the browser's zone,
 * gives "today", every time shown and the instant a typed time means. The hospital is in Kiritimati
 * (UTC+14) and the browser in Pago Pago (UTC-11): 25 hours apart, so their dates always differ and
 * a screen that used the browser's clock shows the wrong day and the wrong hours. When Kiritimati is
 * within two hours of midnight (08:00-10:00 UTC), too late for an appointment later that day, the
 * hospital is in Tokyo (UTC+9) instead, whose date then also differs from Pago Pago's.
 */
import { describe, expect, it } from 'vitest';
import { browserHarnessPerFile } from './browser-harness.ts';
import { clinicalFixtures } from './clinical-fixtures.ts';

const HOUR_MS = 3_600_000;
const utcHour = new Date().getUTCHours();
// Neither zone keeps daylight saving time, so the offsets hold all year.
const [HOSPITAL, HOSPITAL_OFFSET_MS] = utcHour >= 8 && utcHour < 10 ? ['Asia/Tokyo', 9 * HOUR_MS] : ['Pacific/Kiritimati', 14 * HOUR_MS];
const running = browserHarnessPerFile({ ownDatabase: true, hospitalTimeZone: HOSPITAL, browserTimeZone: 'Pacific/Pago_Pago' });
const { ok, patient, openChart } = clinicalFixtures(running);

/** YYYY-MM-DD and HH:MM of an instant on the hospital's wall clock, worked out without the app's code. */
const hospitalWallClock = (ms: number) => {
  const iso = new Date(ms + HOSPITAL_OFFSET_MS).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
};
/** "Mon 7 Dec" of a YYYY-MM-DD day. */
const dayHeader = (day: string) => new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).replace(',', '');

describe('hospital time zone in the browser', () => {
  it("shows the hospital's today and times, and books the time typed on the hospital's clock", async () => {
    // An appointment a few minutes ahead, on the hospital's today (the zone is chosen so that it is
    // at least two hours before midnight there).
    expect(hospitalWallClock(Date.now()).time < '23:00').toBe(true);
    const start = Math.ceil((Date.now() + 10 * 60_000) / 300_000) * 300_000;
    const today = hospitalWallClock(Date.now()).day;
    const suffix = Math.random().toString(36).slice(2, 7);
    const cora = await patient(`Zone${suffix}`);
    const doctor = await running().system.tokenFor('doctor');
    await ok(
      'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }',
      { i: { patientId: cora.id, startsAt: new Date(start).toISOString(), endsAt: new Date(start + 15 * 60_000).toISOString(), reason: 'Zone check' } },
      doctor,
    );

    const context = await running().newContext();
    try {
      const page = await context.newPage();
      await openChart(page, cora);
      // The booking form starts on the hospital's today, not the browser's (a day or two behind).
      const form = page.getByRole('form', { name: 'Book an appointment' });
      expect(await form.getByLabel('Date').inputValue()).toBe(today);

      // Typed 10:00 on the hospital's tomorrow is 10:00 on the hospital's clock.
      const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      await form.getByLabel('Date').fill(tomorrow);
      await form.getByLabel('Start time').fill('10:00');
      await form.getByLabel('Length (minutes)').fill('20');
      await form.getByLabel('Reason', { exact: true }).fill('Typed in hospital time');
      await form.getByRole('button', { name: 'Book appointment' }).click();
      await form.getByText('Appointment booked.').waitFor({ timeout: 15_000 });
      const { appointments } = await ok<{ appointments: { edges: { node: { reason: string; startsAt: string } }[] } }>(
        'query($p: ID!) { appointments(patientId: $p, first: 5) { edges { node { reason startsAt } } } }',
        { p: cora.id },
        doctor,
      );
      const typed = appointments.edges.find((edge) => edge.node.reason === 'Typed in hospital time')?.node;
      expect(typed && Date.parse(typed.startsAt)).toBe(Date.parse(`${tomorrow}T10:00:00Z`) - HOSPITAL_OFFSET_MS);
      // The chart lists it at the hospital's 10:00 in the one date-time format.
      const [y, m, d] = tomorrow.split('-').map(Number) as [number, number, number];
      const month = new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' });
      await page.getByText(`${d} ${month} ${y}, 10:00`).first().waitFor({ timeout: 10_000 });

      // The schedule names the zone and lists today's appointment at the hospital's hours.
      await page.goto(running().web.url);
      const schedule = page.getByRole('region', { name: "Today's schedule" });
      await schedule.getByText(`Times in ${HOSPITAL}`).waitFor({ timeout: 15_000 });
      const list = schedule.getByRole('list', { name: `Appointments ${dayHeader(today)}` });
      const from = hospitalWallClock(start).time;
      const to = hospitalWallClock(start + 15 * 60_000).time;
      await list.getByText(`${from}–${to}`).waitFor({ timeout: 15_000 });
      expect(await list.innerText()).toContain(cora.fullName);
    } finally {
      await context.close();
    }
  }, 240_000);
});
