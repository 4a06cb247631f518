/**
 * Accessibility (issue 14): axe-core checks every role's dashboard in Chromium against the real
 * system, with an invoice open on the finance dashboard and the password form open in the header;
 * no serious or critical violation is allowed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { RoleName } from '@hospital/service-kit';
import { browserHarnessPerFile, DASHBOARD_HEADINGS, signIn, withPage } from './browser-harness.ts';

const running = browserHarnessPerFile({ ownDatabase: true });
// Evaluated through the DevTools protocol: the app's Content-Security-Policy (script-src 'self') refuses an injected <script>.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A violation as the assertion message shows it: rule, impact and where. */
interface Finding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** Runs axe on the page as it is now; returns the serious and critical violations. */
async function seriousViolations(page: Page): Promise<Finding[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (context: Document, options: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }>;
        };
      }
    ).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => node.target.join(' ')),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** Some data on the finance screen, so the invoice panel can be opened. */
async function invoiceForFinance(): Promise<void> {
  const system = running().system;
  const doctor = await system.tokenFor('doctor');
  const finance = await system.tokenFor('finance');
  const patient = await system.gql<{ registerPatient: { id: string } }>(
    'mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { id } }',
    { i: { givenName: 'Axel', familyName: `Access${Math.random().toString(36).slice(2, 7)}`, dateOfBirth: '1980-01-01' } },
    doctor,
  );
  const invoice = await system.gql<{ createInvoice: { id: string } }>(
    'mutation($i: CreateInvoiceInput!) { createInvoice(input: $i) { id } }',
    { i: { patientId: patient.data!.registerPatient.id, currency: 'EUR' } },
    finance,
  );
  const line = { code: 'CONS-GP', description: 'Consultation', quantity: 1, unitPrice: { amountMinor: '4500', currency: 'EUR' } };
  const added = await system.gql(
    'mutation($id: ID!, $l: AddInvoiceLineInput!) { addInvoiceLine(invoiceId: $id, input: $l) { id } }',
    { id: invoice.data!.createInvoice.id, l: line },
    finance,
  );
  expect(added.errors).toBeUndefined();
}

it('finds no serious or critical axe violation on any dashboard', async () => {
  await invoiceForFinance();
  const found: Record<string, Finding[]> = {};
  for (const role of Object.keys(DASHBOARD_HEADINGS) as RoleName[]) {
    // One browser per role: a session outlives its page (the refresh cookie is the context's).
    await withPage(running(), null, async (page) => {
      await signIn(page, running(), role);
      await page.waitForLoadState('networkidle').catch(() => undefined);
      found[role] = await seriousViolations(page);
      if (role === 'finance') {
        await page.getByLabel('Status').selectOption({ label: 'Draft' });
        await page
          .getByRole('button', { name: /^Open invoice draft of Axel Access/ })
          .first()
          .click();
        await page.getByRole('form', { name: 'Add a line' }).waitFor({ timeout: 10_000 });
        found['finance invoice'] = await seriousViolations(page);
      }
      if (role === 'admin') {
        await page.getByRole('button', { name: 'Change my password' }).click();
        found['change password'] = await seriousViolations(page);
      }
    });
  }
  expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])));
}, 180_000);
