/**
 * The ward and finance dashboards in Chromium against the real system (issue 10 / 14): with the
 * new ward's bed board answering slowly, the transfer dialog never offers the old ward's beds after
 * the ward changes, and the patient lands in the ward chosen; a balance beyond a 32-bit integer of
 * minor units is shown exactly, in currency.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { browserHarnessPerFile, SCREENSHOT_DIR, signIn, withPage } from './browser-harness.ts';
import { clinicalFixtures } from './clinical-fixtures.ts';

const running = browserHarnessPerFile();

const { ok, patient, wardWithBeds } = clinicalFixtures(running);

/** A ward with beds (code from its name's first letters), assigned to the system's ward staff member. */
async function ward(name: string, labels: string[]) {
  const code = `${name.slice(0, 3).toUpperCase()}-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  return { name, code, ...(await wardWithBeds(name, code, labels)) };
}

describe('ward transfer dialog', () => {
  it('offers only the chosen ward’s beds, even while that ward loads slowly, and lands the patient there', async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    const staff = await running().system.tokenFor('ward_staff');
    const medicine = await ward(`General Medicine ${suffix}`, ['GM-1', 'GM-2', 'GM-3']);
    const surgery = await ward(`Surgery ${suffix}`, ['SU-1']);
    const registerPatient = await patient(`Transfer${suffix}`, [], { givenName: 'Tess', dateOfBirth: '1950-05-05' });
    const { admitPatient } = await ok<{ admitPatient: { id: string } }>(
      'mutation($i: AdmitPatientInput!) { admitPatient(input: $i) { id } }',
      { i: { patientId: registerPatient.id, bedId: medicine.beds[0], reason: 'Appendicitis, for surgery' } },
      staff,
    );

    await withPage(running(), null, async (page) => {
      // A slow network for Surgery's bed board: its answer arrives 2 s after it is asked for.
      await page.route('**/graphql**', async (route) => {
        const request = route.request();
        if (`${request.url()} ${request.postData() ?? ''}`.includes(surgery.id)) await new Promise((resolve) => setTimeout(resolve, 2_000));
        await route.continue();
      });
      await signIn(page, running(), 'ward_staff');
      await page.getByLabel('Ward', { exact: true }).selectOption({ label: `${medicine.name} (${medicine.code})` });
      await page.getByRole('button', { name: `Transfer ${registerPatient.fullName}` }).click();
      const form = page.getByRole('form', { name: `Transfer ${registerPatient.fullName}` });
      await form.getByLabel('To bed').locator('option', { hasText: 'GM-2' }).waitFor({ state: 'attached', timeout: 10_000 });
      await form.getByLabel('To bed').selectOption({ label: 'GM-2' });

      await form.getByLabel('To ward').selectOption({ label: surgery.name });
      // While Surgery loads, no General Medicine bed may be on offer (nor still selected).
      for (let i = 0; i < 5; i++) {
        expect(await form.locator('option', { hasText: /^GM-/ }).count()).toBe(0);
        await page.waitForTimeout(200);
      }
      await form.getByLabel('To bed').locator('option', { hasText: 'SU-1' }).waitFor({ state: 'attached', timeout: 10_000 });
      expect(await form.locator('option', { hasText: /^GM-/ }).count()).toBe(0);
      expect(await form.getByLabel('To bed').inputValue()).toBe('');
      await form.getByLabel('To bed').selectOption({ label: 'SU-1' });
      await form.getByRole('button', { name: 'Transfer patient' }).click();
      await page.getByRole('status').getByText(`moved to bed SU-1 on ${surgery.name}`).waitFor({ timeout: 10_000 });
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'ward-transfer.png'), fullPage: true });

      const { admission } = await ok<{ admission: { ward: { id: string }; bed: { id: string } } }>(
        'query($id: ID!) { admission(id: $id) { ward { id } bed { id } } }',
        { id: admitPatient.id },
        staff,
      );
      expect(admission).toEqual({ ward: { id: surgery.id }, bed: { id: surgery.beds[0] } });
    });
  }, 60_000);
});

describe('bed out of service', () => {
  it('takes a free bed out of service and back from the board', async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    const admin = await running().system.tokenFor('admin');
    const cardiology = await ward(`Cardiology ${suffix}`, ['CA-1']);
    await withPage(running(), 'ward_staff', async (page) => {
      await page.getByLabel('Ward', { exact: true }).selectOption({ label: `${cardiology.name} (${cardiology.code})` });
      await page.getByRole('button', { name: 'Take bed CA-1 out of service' }).click();
      await page.getByRole('button', { name: 'Put bed CA-1 back in service' }).waitFor({ timeout: 10_000 });
      expect(await page.getByRole('button', { name: 'Admit into bed CA-1' }).count()).toBe(0);
      const bedState = async () =>
        (await ok<{ bedBoard: { outOfService: boolean }[] }>('query($w: ID!) { bedBoard(wardId: $w) { outOfService } }', { w: cardiology.id }, admin)).bedBoard[0]!.outOfService;
      expect(await bedState()).toBe(true);
      await page.getByRole('button', { name: 'Put bed CA-1 back in service' }).click();
      await page.getByRole('button', { name: 'Admit into bed CA-1' }).waitFor({ timeout: 10_000 });
      expect(await bedState()).toBe(false);
    });
  }, 60_000);
});

describe('finance patient balance', () => {
  it('shows a balance over 2^31 minor units exactly, in currency', async () => {
    const suffix = Math.random().toString(36).slice(2, 7);
    const finance = await running().system.tokenFor('finance');
    const registerPatient = await patient(`Bigbill${suffix}`, [], { givenName: 'Bill', dateOfBirth: '1961-01-01' });
    for (const amountMinor of ['2000000000', '2000000001']) {
      const { createInvoice } = await ok<{ createInvoice: { id: string } }>(
        'mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { id } }',
        { i: { patientId: registerPatient.id, currency: 'EUR' } },
        finance,
      );
      const line = { code: 'SURG-MAJOR', description: 'Major surgery', quantity: 1, unitPrice: { amountMinor, currency: 'EUR' } };
      await ok('mutation($id: ID!, $l: AddInvoiceLineInput!) { addInvoiceLine(invoiceId: $id, input: $l) { id } }', { id: createInvoice.id, l: line }, finance);
      await ok('mutation($id: ID!) { issueInvoice(id: $id) { id } }', { id: createInvoice.id }, finance);
    }

    await withPage(running(), 'finance', async (page) => {
      const panel = page.getByRole('region', { name: 'Patient balance' });
      await panel.getByLabel('Find patient').fill(`Bigbill${suffix}`);
      await panel.getByLabel('Find patient').press('Enter');
      await panel.getByRole('button', { name: `Choose ${registerPatient.fullName}` }).click();
      await panel.getByText('Owes: €40,000,000.01').waitFor({ timeout: 10_000 });
      expect(await panel.getByRole('cell', { name: '€20,000,000.01' }).count()).toBeGreaterThan(0);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'finance-large-balance.png'), fullPage: true });
    });
  }, 60_000);
});
