/**
 * The README's dashboard pictures (issue 14): each role's dashboard at 1440×900 in Chromium against
 * the real system on a fresh database with a little demo data (a ward with a patient in a bed, an
 * invoice paid in part), written to docs/screenshots/<role>.png. Run with `npm run docs:screenshots`.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import type { RoleName } from '@hospital/service-kit';
import { browserHarnessPerFile, DASHBOARD_HEADINGS, signIn } from './browser-harness.ts';

const running = browserHarnessPerFile({ ownDatabase: true });
const OUT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/screenshots');

/** Runs an operation through the router and insists it succeeds. */
async function ok<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const result = await running().system.gql<T>(query, variables, token);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!;
}

/** A ward with beds and a patient in one, an invoice paid in part, and an appointment today. */
async function demoData(): Promise<void> {
  const system = running().system;
  const admin = await system.tokenFor('admin');
  const doctor = await system.tokenFor('doctor');
  const staff = await system.tokenFor('ward_staff');
  const finance = await system.tokenFor('finance');
  const { createWard } = await ok<{ createWard: { id: string } }>(
    'mutation($i: CreateWardInput!) { createWard(input: $i) { id } }',
    { i: { name: 'General Medicine', code: 'GM' } },
    admin,
  );
  const beds: string[] = [];
  for (const label of ['GM-1', 'GM-2', 'GM-3', 'GM-4'])
    beds.push((await ok<{ addBed: { id: string } }>('mutation($i: AddBedInput!) { addBed(input: $i) { id } }', { i: { wardId: createWard.id, label } }, admin)).addBed.id);
  await ok('mutation($u: ID!, $w: ID!) { assignStaffToWard(userId: $u, wardId: $w) { id } }', { u: system.accounts.ward_staff.id, w: createWard.id }, admin);
  const register = async (givenName: string, familyName: string, dateOfBirth: string) =>
    (
      await ok<{ registerPatient: { id: string } }>(
        'mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { id } }',
        { i: { givenName, familyName, dateOfBirth } },
        doctor,
      )
    ).registerPatient.id;
  const ada = await register('Ada', 'Ångström', '1948-03-12');
  const luk = await register('Łukasz', 'Nowak', '1990-11-02');
  await ok('mutation($i: AdmitPatientInput!) { admitPatient(input: $i) { id } }', { i: { patientId: ada, bedId: beds[0], reason: 'Community-acquired pneumonia' } }, staff);
  const { createInvoice } = await ok<{ createInvoice: { id: string } }>(
    'mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { id } }',
    { i: { patientId: luk, currency: 'EUR' } },
    finance,
  );
  const line = { code: 'CONS-GP', description: 'Consultation', quantity: 1, unitPrice: { amountMinor: '8500', currency: 'EUR' }, taxRateBasisPoints: 0 };
  await ok('mutation($id: ID!, $l: AddInvoiceLineInput!) { addInvoiceLine(invoiceId: $id, input: $l) { id } }', { id: createInvoice.id, l: line }, finance);
  await ok('mutation($id: ID!) { issueInvoice(id: $id) { id } }', { id: createInvoice.id }, finance);
  const payment = { invoiceId: createInvoice.id, amount: { amountMinor: '3000', currency: 'EUR' }, method: 'CARD', idempotencyKey: 'docs-screenshot-payment' };
  await ok('mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id } }', { i: payment }, finance);
}

it('writes each dashboard at 1440×900 to docs/screenshots/', async () => {
  await demoData();
  await mkdir(OUT_DIR, { recursive: true });
  const context = await running().browser.newContext({ timezoneId: 'UTC', locale: 'en-GB', viewport: { width: 1440, height: 900 } });
  try {
    for (const role of Object.keys(DASHBOARD_HEADINGS) as RoleName[]) {
      const page = await context.newPage();
      await signIn(page, running(), role);
      // The picture once every card has its data: no "Loading …" left (a live feed keeps the network busy).
      await page.waitForFunction(() => !/Loading [^\n]*…/.test(document.body.innerText), null, { timeout: 30_000 }).catch(() => undefined);
      await page.screenshot({ path: path.join(OUT_DIR, `${role}.png`) });
      await page.close();
    }
  } finally {
    await context.close();
  }
}, 300_000);
