/** RemoveInvoiceLine through the real service: totals recomputed, DRAFT only, and a line added after a removal never takes a position in use. */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { expectGrpcError, harnessForFile } from '@hospital/service-kit/testing';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { eur, startFinanceHarness } from './testing/finance-harness.ts';

const h = harnessForFile(() => startFinanceHarness(testDatabaseUrl()));

const line = (invoiceId: string, code: string, cents: number) => ({ invoiceId, code, description: code, quantity: 1, unitPrice: eur(cents), taxRateBasisPoints: 0 });

describe('RemoveInvoiceLine', () => {
  it('removes a middle line, recomputes the totals, and a later line is added after the last', async () => {
    const { id } = await h.client.createInvoice({ patientId: await h.patient(), currency: 'EUR' }, { metadata: h.as('finance') });
    for (const [code, cents] of [
      ['A', 100],
      ['B', 200],
      ['C', 400],
    ] as const)
      await h.client.addInvoiceLine(line(id, code, cents), { metadata: h.as('finance') });
    const before = await h.client.getInvoices({ ids: [id] }, { metadata: h.as('finance') });
    const middle = before.invoices[0]!.lines.find((l) => l.code === 'B')!;

    const after = await h.client.removeInvoiceLine({ invoiceId: id, lineId: middle.id }, { metadata: h.as('finance') });
    expect(after.lines.map((l) => l.code)).toEqual(['A', 'C']);
    expect(after.total).toEqual(eur(500));
    expect(after.balance).toEqual(eur(500));
    // Positions 1 and 3 remain: the next line must not take 3 (unique per invoice).
    const added = await h.client.addInvoiceLine(line(id, 'D', 800), { metadata: h.as('finance') });
    expect(added.lines.map((l) => l.code)).toEqual(['A', 'C', 'D']);
    expect(added.total).toEqual(eur(1_300));
  });

  it('refuses a line of another invoice, an unknown invoice, and any change once issued', async () => {
    const other = await h.issued([100]);
    const { id } = await h.draft([100]);
    await expectGrpcError(h.client.removeInvoiceLine({ invoiceId: id, lineId: other.lines[0]!.id }, { metadata: h.as('finance') }), status.NOT_FOUND);
    await expectGrpcError(h.client.removeInvoiceLine({ invoiceId: randomUUID(), lineId: randomUUID() }, { metadata: h.as('finance') }), status.NOT_FOUND);
    await expectGrpcError(h.client.removeInvoiceLine({ invoiceId: other.id, lineId: other.lines[0]!.id }, { metadata: h.as('finance') }), status.INVALID_ARGUMENT, {
      field: 'invoiceId',
      message: /DRAFT/,
    });
    await expectGrpcError(h.client.removeInvoiceLine({ invoiceId: id, lineId: randomUUID() }, { metadata: h.as('doctor') }), status.PERMISSION_DENIED);
  });
});
