import { describe, expect, it } from 'vitest';
import { DomainError } from '@hospital/service-kit';
import { assertCanAddLine, assertCanIssue, assertCanPay, assertCanRefund, assertCanVoid, assertSameCurrency, assertTotalsFit, MAX_LINES_PER_INVOICE } from './invoice-rules.ts';
import type { InvoiceStatusName } from './invoice-status.ts';

/** The field blamed by a BAD_USER_INPUT, 'ok' when the rule passes. */
function verdict(run: () => void): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (error instanceof DomainError && error.code === 'BAD_USER_INPUT') return error.field ?? '(none)';
    throw error;
  }
}

const ALL: InvoiceStatusName[] = ['draft', 'issued', 'partially_paid', 'paid', 'void'];

describe('transitions', () => {
  it('adds lines to drafts only, up to the limit', () => {
    expect(ALL.map((s) => verdict(() => assertCanAddLine(s, 0)))).toEqual(['ok', 'invoiceId', 'invoiceId', 'invoiceId', 'invoiceId']);
    expect(verdict(() => assertCanAddLine('draft', MAX_LINES_PER_INVOICE))).toBe('invoiceId');
  });

  it('issues drafts that have lines', () => {
    expect(ALL.map((s) => verdict(() => assertCanIssue(s, 1)))).toEqual(['ok', 'id', 'id', 'id', 'id']);
    expect(verdict(() => assertCanIssue('draft', 0))).toBe('id');
  });

  it('takes payments on ISSUED and PARTIALLY_PAID invoices, never beyond the balance', () => {
    expect(ALL.map((s) => verdict(() => assertCanPay(s, 100n, 50n)))).toEqual(['invoiceId', 'ok', 'ok', 'amount', 'invoiceId']);
    expect(verdict(() => assertCanPay('issued', 100n, 100n))).toBe('ok');
    expect(verdict(() => assertCanPay('issued', 100n, 101n))).toBe('amount');
    expect(verdict(() => assertCanPay('issued', 100n, 0n))).toBe('amount');
  });

  it('refunds at most what is left of a payment', () => {
    expect(verdict(() => assertCanRefund('paid', 100n, 100n))).toBe('ok');
    expect(verdict(() => assertCanRefund('partially_paid', 40n, 41n))).toBe('amount');
    expect(verdict(() => assertCanRefund('issued', 40n, 0n))).toBe('amount');
    expect(verdict(() => assertCanRefund('void', 40n, 1n))).toBe('paymentId');
  });

  it('voids anything not yet void that keeps no money', () => {
    expect(ALL.map((s) => verdict(() => assertCanVoid(s, 0n)))).toEqual(['ok', 'ok', 'ok', 'ok', 'id']);
    expect(verdict(() => assertCanVoid('partially_paid', 10n))).toBe('id');
  });
});

describe('amount checks', () => {
  it('refuses a currency other than the invoice’s', () => {
    expect(verdict(() => assertSameCurrency('EUR', 'EUR', 'amount'))).toBe('ok');
    expect(verdict(() => assertSameCurrency('EUR', 'USD', 'amount'))).toBe('amount');
  });

  it('keeps totals within the largest stored amount (10^15 - 1), far beyond a 32-bit Int', () => {
    expect(verdict(() => assertTotalsFit({ subtotalMinor: 2_147_483_648n, taxMinor: 0n, totalMinor: 2_147_483_648n }))).toBe('ok');
    expect(verdict(() => assertTotalsFit({ subtotalMinor: 999_999_999_999_999n, taxMinor: 0n, totalMinor: 999_999_999_999_999n }))).toBe('ok');
    expect(verdict(() => assertTotalsFit({ subtotalMinor: 999_999_999_999_999n, taxMinor: 1n, totalMinor: 1_000_000_000_000_000n }))).toBe('unitPrice');
  });
});
