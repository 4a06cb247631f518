/**
 * The pharmacist's day in Chromium against the real system (issue 14): the patient is confirmed
 * before dispensing, a prescription is queried or rejected with a reason the doctor reads on the
 * chart, and stock is corrected or written off with a reason, in the movement history.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserHarnessPerFile, SCREENSHOT_DIR, withPage } from './browser-harness.ts';
import { clinicalFixtures } from './clinical-fixtures.ts';

// Its own database: the queue shows the first page of pending prescriptions, which other files fill.
const running = browserHarnessPerFile({ ownDatabase: true });
const { ok, patient, drugInStock, openChart } = clinicalFixtures(running);

describe('pharmacist review', () => {
  it('dispenses only after confirming the patient, and queries or rejects with a reason the doctor sees', async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    const cora = await patient(`Dispense${suffix}`);
    const drugId = await drugInStock(`Paracetamol ${suffix}`);
    const doctor = await running().system.tokenFor('doctor');
    const prescribe = async () =>
      (
        await ok<{ prescribe: { id: string } }>(
          'mutation($i: PrescribeInput!) { prescribe(input: $i) { id } }',
          { i: { patientId: cora.id, drugId, doseAmount: 1, doseUnit: 'CAPSULE', route: 'ORAL', frequencyCode: 'FOUR_TIMES_DAILY', durationDays: 3, quantity: 12 } },
          doctor,
        )
      ).prescribe.id;
    const [toDispense, toQuery, toReject] = [await prescribe(), await prescribe(), await prescribe()];
    await withPage(running(), 'pharmacist', async (page) => {
      const queue = page.getByRole('region', { name: 'Waiting to be dispensed' });
      const openRow = async (nth: number) => {
        await queue
          .getByRole('button', { name: `Open 12 × Paracetamol ${suffix} for ${cora.fullName}` })
          .nth(nth)
          .click();
        return queue.getByRole('region', { name: `Prescription for ${cora.fullName}` });
      };
      let panel = await openRow(0);
      const dispense = panel.getByRole('button', { name: 'Confirm and dispense' });
      expect(await dispense.isDisabled()).toBe(true);
      await panel.getByLabel(/I have confirmed the patient is/).check();
      await dispense.click();
      await queue.getByRole('status').getByText(`Dispensed 12 × Paracetamol ${suffix} for ${cora.fullName}.`).waitFor({ timeout: 10_000 });
      // Wait for the refetched queue (the dispensed one gone) before opening the next.
      await expect.poll(() => queue.getByRole('button', { name: `Open 12 × Paracetamol ${suffix} for ${cora.fullName}` }).count(), { timeout: 10_000 }).toBe(2);

      panel = await openRow(0);
      await panel.getByRole('button', { name: 'Query prescriber' }).click();
      await panel.getByText('Give the reason the prescriber will read.').waitFor();
      await panel.getByLabel('Reason for the prescriber').fill('Four times a day for three days: confirm the course?');
      await panel.getByRole('button', { name: 'Query prescriber' }).click();
      await queue.getByText('Queried: Four times a day for three days: confirm the course?').waitFor({ timeout: 10_000 });

      panel = await openRow(1);
      await panel.getByLabel('Reason for the prescriber').fill('Duplicate of an earlier prescription');
      await panel.getByRole('button', { name: 'Reject prescription' }).click();
      await queue
        .getByRole('status')
        .getByText(/^Rejected 12 × Paracetamol/)
        .waitFor({ timeout: 10_000 });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'pharmacist-review.png'), fullPage: true });

      const { prescriptions } = await ok<{ prescriptions: { edges: { node: { id: string; status: string; review: { action: string; reason: string } | null } }[] } }>(
        'query($p: ID!) { prescriptions(patientId: $p, first: 10) { edges { node { id status review { action reason } } } } }',
        { p: cora.id },
        doctor,
      );
      const byId = new Map(prescriptions.edges.map((edge) => [edge.node.id, edge.node]));
      expect(byId.get(toDispense)).toMatchObject({ status: 'DISPENSED', review: null });
      // The queue is oldest first: the second row opened was the third prescription once the first left.
      const queried = [byId.get(toQuery), byId.get(toReject)].find((p) => p?.review?.action === 'QUERY');
      const rejected = [byId.get(toQuery), byId.get(toReject)].find((p) => p?.review?.action === 'REJECT');
      expect(queried).toMatchObject({ status: 'PENDING', review: { reason: 'Four times a day for three days: confirm the course?' } });
      expect(rejected).toMatchObject({ status: 'CANCELLED', review: { reason: 'Duplicate of an earlier prescription' } });

      // The doctor reads both on the chart, in a browser of her own (the pharmacist's session is this context's).
      await withPage(running(), null, async (doctorPage) => {
        await openChart(doctorPage, cora);
        const chart = doctorPage.getByRole('region', { name: `Chart: ${cora.fullName}` });
        await chart.getByText('Pharmacy query: Four times a day for three days: confirm the course?').waitFor({ timeout: 10_000 });
        await chart.getByText('Reason: Duplicate of an earlier prescription').waitFor();
        expect(await chart.getByText('Rejected by pharmacy').count()).toBe(1);
      });
    });
  }, 90_000);
});

describe('pharmacy stock', () => {
  it('adjusts a lot with a reason, writes a lot off, and shows the movement history', async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    const drugName = `Ibuprofen ${suffix}`;
    const drugId = await drugInStock(drugName);
    await withPage(running(), 'pharmacist', async (page) => {
      const stock = page.getByRole('region', { name: 'Stock', exact: true });
      await stock.getByLabel('Find drug').fill(drugName);
      await stock.getByRole('button', { name: `Lots and movements of ${drugName} 500 mg` }).click();
      const ledger = stock.getByRole('region', { name: `Lots and movements of ${drugName}` });
      await ledger.getByRole('button', { name: /^Adjust lot / }).click();
      const adjust = ledger.getByRole('group', { name: /^Adjust lot / });
      await adjust.getByLabel('Change in units').fill('-5');
      await adjust.getByRole('button', { name: 'Save adjustment' }).click();
      await adjust.getByText('Give the reason for the ledger.').waitFor();
      await adjust.getByLabel('Reason').fill('Broken bottles');
      await adjust.getByRole('button', { name: 'Save adjustment' }).click();
      await ledger.getByRole('cell', { name: 'Broken bottles' }).waitFor({ timeout: 10_000 });
      await ledger.getByText('495 in stock (unexpired)').waitFor({ timeout: 10_000 });

      await ledger.getByRole('button', { name: /^Write off lot / }).click();
      const writeOff = ledger.getByRole('group', { name: /^Write off lot / });
      await writeOff.getByLabel('Reason').fill('Recalled by the manufacturer');
      await writeOff.getByRole('button', { name: 'Confirm write-off' }).click();
      await ledger.getByText('0 in stock (unexpired)').waitFor({ timeout: 10_000 });
      expect(await ledger.getByRole('cell', { name: 'Recalled by the manufacturer' }).count()).toBe(1);
      const { drug } = await ok<{ drug: { stockOnHand: number } }>(
        'query($id: ID!) { drug(id: $id) { stockOnHand } }',
        { id: drugId },
        await running().system.tokenFor('pharmacist'),
      );
      expect(drug.stockOnHand).toBe(0);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'pharmacist-ledger.png'), fullPage: true });
    });
  }, 60_000);
});
