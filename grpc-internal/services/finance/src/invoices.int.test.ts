/** Invoices through the real service: creation, lines and tax, issuing with numbers, voiding, admission. */
import { randomUUID } from 'node:crypto';
import { Metadata, status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { checkHealth } from '@hospital/service-kit/grpc';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { FINANCE_SERVICE_NAME } from './service.ts';
import { expectGrpcError, harnessForFile } from '@hospital/service-kit/testing';
import { eur, startFinanceHarness } from './testing/finance-harness.ts';

const h = harnessForFile(() => startFinanceHarness(testDatabaseUrl()));

const line = (invoiceId: string, fields: Record<string, unknown> = {}) => ({
  invoiceId,
  code: 'XRAY-CHEST',
  description: 'Chest X-ray',
  quantity: 1,
  unitPrice: eur(4_500),
  ...fields,
});

describe('CreateInvoice', () => {
  it('opens an empty DRAFT with no number for an existing patient', async () => {
    const patientId = await h.patient();
    const invoice = await h.client.createInvoice({ patientId, currency: 'EUR' }, { metadata: h.as('finance') });
    expect(invoice).toMatchObject({ status: 'INVOICE_STATUS_DRAFT', number: '', patientId, appointmentId: '', admissionId: '', currency: 'EUR', lines: [], payments: [] });
    expect(invoice.total).toEqual(eur(0));
    expect(invoice.balance).toEqual(eur(0));
    expect(invoice.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('refuses unknown and archived patients, bad currencies and two references', async () => {
    const meta = () => h.as('finance');
    await expectGrpcError(h.client.createInvoice({ patientId: randomUUID(), currency: 'EUR' }, { metadata: meta() }), status.NOT_FOUND);
    const archived = await h.patient();
    await h.patients.archivePatient({ id: archived }, { metadata: h.as('admin') });
    await expectGrpcError(h.client.createInvoice({ patientId: archived, currency: 'EUR' }, { metadata: meta() }), status.INVALID_ARGUMENT, { field: 'patientId' });
    const patientId = await h.patient();
    for (const currency of ['eur', 'EURO', '', '€€€']) {
      await expectGrpcError(h.client.createInvoice({ patientId, currency }, { metadata: meta() }), status.INVALID_ARGUMENT, { field: 'currency' });
    }
    const both = { patientId, currency: 'EUR', appointmentId: randomUUID(), admissionId: randomUUID() };
    await expectGrpcError(h.client.createInvoice(both, { metadata: meta() }), status.INVALID_ARGUMENT, { field: 'admissionId' });
    await expectGrpcError(h.client.createInvoice({ patientId: 'nope', currency: 'EUR' }, { metadata: meta() }), status.INVALID_ARGUMENT, { field: 'patientId' });
  });
});

describe('AddInvoiceLine', () => {
  it('computes line totals and half-up tax with integers, and the invoice totals', async () => {
    const { id } = await h.draft([]);
    await h.client.addInvoiceLine(line(id, { code: 'CONS-GP', description: 'Consultation', quantity: 3, unitPrice: eur(1_235), taxRateBasisPoints: 2_000 }), {
      metadata: h.as('finance'),
    });
    const invoice = await h.client.addInvoiceLine(line(id, { code: 'LAB-CBC', unitPrice: eur(25), taxRateBasisPoints: 700 }), { metadata: h.as('admin') });
    expect(invoice.lines.map((l) => [l.code, l.quantity, l.lineTotal?.amountMinor, l.tax?.amountMinor, l.taxRateBasisPoints])).toEqual([
      ['CONS-GP', 3, '3705', '741', 2000],
      ['LAB-CBC', 1, '25', '2', 700],
    ]);
    expect([invoice.subtotal, invoice.tax, invoice.total, invoice.balance]).toEqual([eur(3_730), eur(743), eur(4_473), eur(4_473)]);
  });

  it('names the field at fault', async () => {
    const { id } = await h.draft([]);
    const cases: [Record<string, unknown>, string][] = [
      [{ quantity: 0 }, 'quantity'],
      [{ quantity: 10_001 }, 'quantity'],
      [{ unitPrice: eur(-1) }, 'unitPrice.amountMinor'],
      [{ unitPrice: eur(1_000_000_000_000_000n) }, 'unitPrice.amountMinor'],
      [{ unitPrice: eur(100, 'USD') }, 'unitPrice'],
      [{ unitPrice: null }, 'unitPrice'],
      [{ taxRateBasisPoints: 10_001 }, 'taxRateBasisPoints'],
      [{ code: '' }, 'code'],
      [{ code: 'has space' }, 'code'],
      [{ description: '  ' }, 'description'],
    ];
    for (const [fields, field] of cases) {
      await expectGrpcError(h.client.addInvoiceLine(line(id, fields), { metadata: h.as('finance') }), status.INVALID_ARGUMENT, { field });
    }
    await expectGrpcError(h.client.addInvoiceLine(line(randomUUID()), { metadata: h.as('finance') }), status.NOT_FOUND);
  });

  it('keeps the total within 10^15 - 1 minor units and adds lines only while DRAFT', async () => {
    const { id } = await h.draft([900_000_000_000_000]);
    await expectGrpcError(h.client.addInvoiceLine(line(id, { unitPrice: eur(100_000_000_000_000) }), { metadata: h.as('finance') }), status.INVALID_ARGUMENT, {
      field: 'unitPrice',
    });
    const issued = await h.issued([100]);
    await expectGrpcError(h.client.addInvoiceLine(line(issued.id), { metadata: h.as('finance') }), status.INVALID_ARGUMENT, { field: 'invoiceId', message: /DRAFT/ });
  });
});

describe('IssueInvoice', () => {
  it('assigns INV-<year>-<seq> and ISSUED, once', async () => {
    const invoice = await h.issued([4_500, 1_000]);
    expect(invoice.status).toBe('INVOICE_STATUS_ISSUED');
    expect(invoice.number).toMatch(new RegExp(`^INV-${new Date().getUTCFullYear()}-\\d{6}$`));
    expect(invoice.issuedAt).not.toBe('');
    expect(invoice.balance).toEqual(eur(5_500));
    await expectGrpcError(h.client.issueInvoice({ id: invoice.id }, { metadata: h.as('finance') }), status.INVALID_ARGUMENT, { field: 'id' });
  });

  it('refuses an empty draft and issues a zero total as PAID', async () => {
    const empty = await h.draft([]);
    await expectGrpcError(h.client.issueInvoice({ id: empty.id }, { metadata: h.as('finance') }), status.INVALID_ARGUMENT, { message: /at least one line/ });
    const free = await h.issued([0]);
    expect(free).toMatchObject({ status: 'INVOICE_STATUS_PAID', balance: eur(0) });
  });
});

describe('VoidInvoice', () => {
  it('voids drafts and unpaid invoices, keeping the number; refuses twice and with money kept', async () => {
    const draft = await h.draft();
    const voidedDraft = await h.client.voidInvoice({ id: draft.id, reason: 'Created by mistake' }, { metadata: h.as('finance') });
    expect(voidedDraft).toMatchObject({ status: 'INVOICE_STATUS_VOID', number: '', voidReason: 'Created by mistake' });
    const issued = await h.issued([1_000]);
    const voided = await h.client.voidInvoice({ id: issued.id, reason: 'Duplicate' }, { metadata: h.as('admin') });
    expect(voided).toMatchObject({ status: 'INVOICE_STATUS_VOID', number: issued.number });
    expect(voided.voidedAt).not.toBe('');
    await expectGrpcError(h.client.voidInvoice({ id: issued.id, reason: 'Again' }, { metadata: h.as('finance') }), status.INVALID_ARGUMENT, { field: 'id' });
    await expectGrpcError(h.client.voidInvoice({ id: issued.id, reason: ' ' }, { metadata: h.as('finance') }), status.INVALID_ARGUMENT, { field: 'reason' });
    const paid = await h.issued([1_000]);
    await h.client.recordPayment({ invoiceId: paid.id, amount: eur(400), method: 'PAYMENT_METHOD_CASH', idempotencyKey: randomUUID() }, { metadata: h.as('finance') });
    await expectGrpcError(h.client.voidInvoice({ id: paid.id, reason: 'No' }, { metadata: h.as('finance') }), status.INVALID_ARGUMENT, { message: /Refund/ });
  });
});

describe('admission', () => {
  it('serves billing roles only, and only callers the router signed', async () => {
    for (const role of ['doctor', 'pharmacist', 'ward_staff'] as const) {
      await expectGrpcError(h.client.listInvoices({}, { metadata: h.as(role) }), status.PERMISSION_DENIED);
      await expectGrpcError(h.client.createInvoice({ patientId: randomUUID(), currency: 'EUR' }, { metadata: h.as(role) }), status.PERMISSION_DENIED);
    }
    await expectGrpcError(h.client.listInvoices({}, { metadata: h.as() }), status.UNAUTHENTICATED);
    await expectGrpcError(h.client.listInvoices({}, { metadata: new Metadata() }), status.UNAUTHENTICATED);
  });

  it('answers health checks for the server and the service', async () => {
    await expect(checkHealth(h.target)).resolves.toBe('SERVING');
    await expect(checkHealth(h.target, FINANCE_SERVICE_NAME)).resolves.toBe('SERVING');
  });
});
