/**
 * Issue 18's live views in Chromium against the real system (the clinical outbox relay on the
 * run's Kafka broker, the clinical subgraph's feed, the router's WebSocket): a doctor has a
 * patient's visit open with a pending lab test; the lab's HL7 ORU message enters the result, and
 * the doctor's page shows it flagged WITHOUT a reload. On the bed board, the NEWS2 of a patient
 * updates once a set recorded elsewhere (by a doctor) arrives, again without a reload.
 * Needs `npm run build` first (the harness serves web/dist).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { until } from '../../test/helpers.ts';
import { browserHarnessPerFile, withPage } from './browser-harness.ts';
import { clinicalFixtures } from './clinical-fixtures.ts';

const running = browserHarnessPerFile();
const { ok, checkedInPatient, bookAndCheckIn, openVisit, admittedOnNewWard, orderLabTests } = clinicalFixtures(running);

/** Marks the page, so a later check proves it was never reloaded. */
const markPage = (page: Page) => page.evaluate(() => void ((window as unknown as { liveMark?: number }).liveMark = 1));
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark === 1);

/** Waits until the clinical subgraph holds more subscriptions than `before` (the page subscribed). */
const subscribed = (before: number) => until(() => running().system.activeSubscriptions('clinical') > before, 15_000);

describe('clinical live views', () => {
  it("show a lab result on the doctor's open visit as the lab sends it, without a reload", async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    const doctor = await running().system.tokenFor('doctor');
    const lena = await checkedInPatient(`Livelab${suffix}`, { daysAhead: 5, hourUtc: 10, reason: 'Cramps' });

    await withPage(running(), null, async (page) => {
      const before = running().system.activeSubscriptions('clinical');
      const visit = await openVisit(page, `Livelab${suffix}`, lena);
      const results = await orderLabTests(visit, ['Potassium']);
      await results.getByLabel('Potassium result (mmol/L)').waitFor({ timeout: 10_000 });
      await subscribed(before);
      await markPage(page);

      // The lab's system posts the result (an administrator account, as the HL7 interface does).
      const { patient: ordered } = await ok<{ patient: { labOrders: { id: string }[] } }>('query($id: ID!) { patient(id: $id) { labOrders { id } } }', { id: lena.id }, doctor);
      const message = [
        `MSH|^~\\&|LAB|HOSP|EHR|HOSP|20261207101500||ORU^R01^ORU_R01|LIVE${suffix}|P|2.5.1`,
        `PID|1||${suffix}^^^HOSP^MR||Livelab^Lena`,
        `OBR|1|${ordered.labOrders[0]!.id}||2823-3^Potassium^LN`,
        'OBX|1|NM|2823-3^Potassium^LN||6.9|mmol/L|3.5-5.1|HH|||F',
      ].join('\r');
      await ok('mutation($m: String!) { receiveHl7LabResult(message: $m) { messageControlId } }', { m: message }, await running().system.tokenFor('admin'));

      await results.getByText('6.9 mmol/L (CRITICAL high)').waitFor({ timeout: 15_000 });
      expect(await stillMarked(page)).toBe(true);
    });
  }, 120_000);

  it('update the NEWS2 on the bed board when a set is recorded elsewhere, without a reload', async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    const { ward, patient: otto } = await admittedOnNewWard('Live', suffix, { familyName: `Liveobs${suffix}`, reason: 'Sepsis' });

    await withPage(running(), 'ward_staff', async (page) => {
      const before = running().system.activeSubscriptions('clinical');
      await page.getByLabel('Ward', { exact: true }).selectOption({ label: ward.label });
      const score = page.getByLabel(`NEWS2 of ${otto.fullName}`);
      await expect.poll(() => score.textContent(), { timeout: 10_000 }).toBe('NEWS2 —');
      await subscribed(before);
      await markPage(page);

      // A doctor on their round (who sees the patient: a checked-in appointment) records the set:
      // RR 22 (2) + SpO2 94 (1) + oxygen (2) + pulse 115 (2) = 7.
      await bookAndCheckIn(otto.id, { daysAhead: 6, hourUtc: 10, reason: 'Ward round' });
      const vitals = { temperatureC: 37.2, pulseBpm: 115, respiratoryRate: 22, spo2Percent: 94, systolicMmhg: 120, consciousness: 'ALERT', onOxygen: true };
      await ok('mutation($p: ID!, $v: VitalSignsInput!) { recordVitals(patientId: $p, vitals: $v) { id } }', { p: otto.id, v: vitals }, await running().system.tokenFor('doctor'));

      // The board's own poll is every 15 s and does not re-read scores: only the live event can do it this soon.
      await expect.poll(() => score.textContent(), { timeout: 10_000 }).toBe('NEWS2 7 (high)');
      expect(await stillMarked(page)).toBe(true);
    });
  }, 120_000);
});
