/** Reads through the real service: by id, paged lists with filters, and per-patient batches. */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { expectGrpcError, harnessForFile } from '@hospital/service-kit/testing';
import { eur, startFinanceHarness } from './testing/finance-harness.ts';

const h = harnessForFile(() => startFinanceHarness(testDatabaseUrl()));

const meta = () => ({ metadata: h.as('finance') });

/** A patient with one invoice in each interesting state; returns the patient and the invoices newest last. */
async function patientWithInvoices(): Promise<{ patientId: string; ids: string[] }> {
  const patientId = await h.patient();
  const ids: string[] = [];
  for (const prices of [[1_000], [2_000], [3_000]]) {
    let invoice = await h.client.createInvoice({ patientId, currency: 'EUR' }, meta());
    invoice = await h.client.addInvoiceLine({ invoiceId: invoice.id, code: 'CONS', description: 'Consultation', quantity: 1, unitPrice: eur(prices[0]!) }, meta());
    ids.push(invoice.id);
  }
  await h.client.issueInvoice({ id: ids[1]! }, meta());
  await h.client.issueInvoice({ id: ids[2]! }, meta());
  await h.client.recordPayment({ invoiceId: ids[2]!, amount: eur(500), method: 'PAYMENT_METHOD_CARD', idempotencyKey: randomUUID() }, meta());
  const usd = await h.client.createInvoice({ patientId, currency: 'USD' }, meta());
  await h.client.addInvoiceLine({ invoiceId: usd.id, code: 'XRAY', description: 'X-ray', quantity: 2, unitPrice: eur(700, 'USD') }, meta());
  await h.client.issueInvoice({ id: usd.id }, meta());
  ids.push(usd.id);
  return { patientId, ids };
}

describe('GetInvoices', () => {
  it('answers in request order and leaves unknown ids out', async () => {
    const [a, b] = await Promise.all([h.draft(), h.draft()]);
    const { invoices } = await h.client.getInvoices({ ids: [b.id, randomUUID(), a.id, b.id] }, meta());
    expect(invoices.map((i) => i.id)).toEqual([b.id, a.id, b.id]);
    await expectGrpcError(h.client.getInvoices({ ids: ['x'] }, meta()), status.INVALID_ARGUMENT, { field: 'ids' });
  });
});

describe('ListInvoices', () => {
  it('pages a patient’s invoices newest first, filters by status and counts', async () => {
    const { patientId, ids } = await patientWithInvoices();
    const page1 = await h.client.listInvoices({ patientId, page: { first: 3 } }, meta());
    expect(page1.invoices.map((i) => i.id)).toEqual([ids[3], ids[2], ids[1]]);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, totalCount: 4 });
    const page2 = await h.client.listInvoices({ patientId, page: { first: 3, after: page1.pageInfo!.endCursor } }, meta());
    expect(page2.invoices.map((i) => i.id)).toEqual([ids[0]]);
    expect(page2.pageInfo?.hasNextPage).toBe(false);
    const partial = await h.client.listInvoices({ patientId, status: 'INVOICE_STATUS_PARTIALLY_PAID' }, meta());
    expect(partial.invoices.map((i) => i.id)).toEqual([ids[2]]);
    await expectGrpcError(h.client.listInvoices({ page: { first: -1 } }, meta()), status.INVALID_ARGUMENT, { field: 'first' });
    await expectGrpcError(h.client.listInvoices({ page: { after: 'garbage' } }, meta()), status.INVALID_ARGUMENT, { field: 'after' });
  });

  it('caps a page at 100', async () => {
    const page = await h.client.listInvoices({ page: { first: 1_000 } }, meta());
    expect(page.invoices.length).toBeLessThanOrEqual(100);
  });
});

describe('per-patient batches', () => {
  it('returns each patient’s newest invoices in one call, in request order', async () => {
    const [one, two] = await Promise.all([patientWithInvoices(), patientWithInvoices()]);
    const nobody = randomUUID();
    const { patients } = await h.client.getPatientInvoices({ patientIds: [two.patientId, nobody, one.patientId], first: 2 }, meta());
    expect(patients.map((p) => [p.patientId, p.invoices.map((i) => i.id)])).toEqual([
      [two.patientId, [two.ids[3], two.ids[2]]],
      [nobody, []],
      [one.patientId, [one.ids[3], one.ids[2]]],
    ]);
    const drafts = await h.client.getPatientInvoices({ patientIds: [one.patientId], status: 'INVOICE_STATUS_DRAFT' }, meta());
    expect(drafts.patients[0]?.invoices.map((i) => i.id)).toEqual([one.ids[0]]);
  });

  it('sums what each patient owes per currency over issued and partly paid invoices', async () => {
    const [one, two] = await Promise.all([patientWithInvoices(), patientWithInvoices()]);
    const nobody = randomUUID();
    const { patients } = await h.client.getPatientBalances({ patientIds: [one.patientId, nobody, two.patientId] }, meta());
    // EUR: 20.00 issued + (30.00 − 5.00) partly paid; the draft does not count. USD: 2 × 7.00.
    const expected = [eur(4_500), eur(1_400, 'USD')];
    expect(patients).toEqual([
      { patientId: one.patientId, outstanding: expected },
      { patientId: nobody, outstanding: [] },
      { patientId: two.patientId, outstanding: expected },
    ]);
  });
});
