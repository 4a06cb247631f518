import { describe, expect, it } from 'vitest';
import { INVOICE_STATUSES, methodFromProto, methodToProto, PAYMENT_METHODS, statusFromProto, statusToProto } from './invoice-status.ts';

describe('proto spellings', () => {
  it('round-trips every status and method', () => {
    for (const status of INVOICE_STATUSES) expect(statusFromProto(statusToProto(status))).toBe(status);
    for (const method of PAYMENT_METHODS) expect(methodFromProto(methodToProto(method))).toBe(method);
    expect(statusToProto('partially_paid')).toBe('INVOICE_STATUS_PARTIALLY_PAID');
    expect(methodToProto('bank_transfer')).toBe('PAYMENT_METHOD_BANK_TRANSFER');
  });

  it('reads UNSPECIFIED and unknown values as undefined, numbers by position', () => {
    expect(statusFromProto('INVOICE_STATUS_UNSPECIFIED')).toBeUndefined();
    expect(methodFromProto(0)).toBeUndefined();
    expect(methodFromProto('PAYMENT_METHOD_BITCOIN')).toBeUndefined();
    expect(statusFromProto(4)).toBe('paid');
    expect(methodFromProto(2)).toBe('card');
  });
});
