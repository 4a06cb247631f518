/**
 * A finance clerk's day in Chromium against the real system (issue 14): a new invoice for a patient
 * found as you type, lines added (amounts typed in currency) and removed, issued, paid in part and
 * still found by its status, printed (only the invoice on the page), and another invoice voided
 * with a reason. No amount on screen is ever in minor units.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { browserHarnessPerFile, SCREENSHOT_DIR, withPage } from './browser-harness.ts';
import { uniqueLetters } from '@hospital/service-kit/testing';

const running = browserHarnessPerFile({ ownDatabase: true });

/** Registers a patient through the API (a doctor's registration, not this screen's work). */
async function patient(familyName: string): Promise<string> {
  const result = await running().system.gql<{ registerPatient: { fullName: string } }>(
    'mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { fullName } }',
    { i: { givenName: 'Fiona', familyName, dateOfBirth: '1975-03-04' } },
    await running().system.tokenFor('doctor'),
  );
  expect(result.errors).toBeUndefined();
  return result.data!.registerPatient.fullName;
}

/** Creates a draft invoice from the "New invoice" card, picking the patient as you type. */
async function newDraft(page: Page, familyName: string, fullName: string) {
  const card = page.getByRole('region', { name: 'New invoice' });
  await card.getByLabel('Patient to bill').fill(familyName);
  await card.getByRole('button', { name: `Choose ${fullName}` }).click();
  await card.getByRole('button', { name: 'Create draft invoice' }).click();
  await page.getByRole('article', { name: 'Draft invoice' }).waitFor({ timeout: 10_000 });
}

/** Fills and sends the "Add a line" form. */
async function addLine(page: Page, line: { code: string; description: string; quantity: string; price: string; tax: string }) {
  const form = page.getByRole('form', { name: 'Add a line' });
  await form.getByLabel('Service code').fill(line.code);
  await form.getByLabel('Description').fill(line.description);
  await form.getByLabel('Quantity').fill(line.quantity);
  await form.getByLabel('Unit price (EUR)').fill(line.price);
  await form.getByLabel('Tax rate (%)').fill(line.tax);
  await form.getByRole('button', { name: 'Add line' }).click();
}

it('creates, edits, issues, part-pays, finds, prints and voids invoices, in currency throughout', async () => {
  const suffix = uniqueLetters(8);
  const familyName = `Ledger${suffix}`;
  const fullName = await patient(familyName);
  await withPage(running(), 'finance', async (page) => {
    await newDraft(page, familyName, fullName);
    const invoice = page.getByRole('article', { name: 'Draft invoice' });

    // A price in cents is refused in words, next to the field.
    await addLine(page, { code: 'CONS-GP', description: 'Consultation', quantity: '1', price: '4500 cents', tax: '0' });
    await page.getByText('Enter a price in EUR, like 45.00.').waitFor();
    await addLine(page, { code: 'CONS-GP', description: 'Consultation', quantity: '1', price: '45', tax: '0' });
    await invoice.getByRole('cell', { name: 'CONS-GP', exact: true }).waitFor({ timeout: 10_000 });
    await addLine(page, { code: 'XRAY-CHEST', description: 'Chest X-ray', quantity: '2', price: '30.50', tax: '20' });
    await invoice.getByRole('cell', { name: 'XRAY-CHEST', exact: true }).waitFor({ timeout: 10_000 });
    await invoice.getByRole('button', { name: 'Remove line CONS-GP' }).click();
    await invoice.getByRole('cell', { name: 'CONS-GP', exact: true }).waitFor({ state: 'detached', timeout: 10_000 });
    // 2 × €30.50 = €61.00, 20 % tax €12.20: €73.20.
    const totals = invoice.getByLabel('Totals');
    await totals.getByText('€73.20').first().waitFor({ timeout: 10_000 });

    await page.getByRole('button', { name: 'Issue invoice' }).click();
    const issued = page.getByRole('status').getByText(/^Issued as INV-\d{4}-\d{6}\.$/);
    await issued.waitFor({ timeout: 10_000 });
    const number = /INV-\d{4}-\d{6}/.exec((await issued.textContent()) ?? '')![0];

    const pay = page.getByRole('form', { name: 'Record a payment' });
    await pay.getByLabel('Amount (EUR)').fill('20.00');
    await pay.getByRole('button', { name: 'Record payment' }).click();
    await page.getByText('Payment of €20.00 recorded; €53.20 left to pay.').waitFor({ timeout: 10_000 });

    // Printing shows the invoice alone: no lists, forms or buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('article', { name: `Invoice ${number}` }).isVisible()).toBe(true);
    for (const hidden of [
      page.getByRole('region', { name: 'Invoices' }),
      page.getByRole('form', { name: 'Record a payment' }),
      page.getByRole('button', { name: 'Print invoice' }),
      page.getByRole('banner'),
    ])
      expect(await hidden.isVisible()).toBe(false);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'finance-invoice-print.png'), fullPage: true });
    expect((await page.pdf({ format: 'A4' })).byteLength).toBeGreaterThan(1_000);
    await page.emulateMedia({ media: 'screen' });

    // The part-paid invoice is found by its status.
    await page.getByRole('button', { name: 'Close invoice' }).click();
    const list = page.getByRole('region', { name: 'Invoices' });
    await list.getByLabel('Status').selectOption({ label: 'Partially paid' });
    await list.getByRole('button', { name: `Open invoice ${number} of ${fullName}` }).waitFor({ timeout: 10_000 });
    await list
      .getByRole('row', { name: new RegExp(number) })
      .getByText('€53.20')
      .waitFor();

    // Another draft, voided: the reason is required, then kept.
    await newDraft(page, familyName, fullName);
    await page.getByRole('button', { name: 'Void invoice' }).click();
    const voidForm = page.getByRole('form', { name: 'Void the invoice' });
    await voidForm.getByRole('button', { name: 'Confirm void' }).click();
    await voidForm.getByText('Give the reason for voiding this invoice.').waitFor();
    await voidForm.getByLabel('Reason for voiding').fill('Opened for the wrong patient');
    await voidForm.getByRole('button', { name: 'Confirm void' }).click();
    await page.getByText(/voided .*: Opened for the wrong patient/).waitFor({ timeout: 10_000 });
    expect(await page.getByRole('heading', { name: 'Draft invoice · Void' }).count()).toBe(1);

    expect(await page.locator('body').innerText()).not.toMatch(/minor/i);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'finance-day.png'), fullPage: true });
  });
}, 120_000);
