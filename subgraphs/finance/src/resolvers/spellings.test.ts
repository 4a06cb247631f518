import { describe, expect, it } from 'vitest';
import { UnexpectedProtoEnum } from '@hospital/subgraph-kit';
import { graphqlMethod, graphqlStatus, protoMethod, protoStatus } from './spellings.ts';

describe('finance enum spellings (the subgraph kit policy)', () => {
  it('maps set values both ways', () => {
    expect(graphqlStatus('INVOICE_STATUS_PARTIALLY_PAID')).toBe('PARTIALLY_PAID');
    expect(graphqlMethod('PAYMENT_METHOD_CARD')).toBe('CARD');
    expect(protoMethod('CARD')).toBe('PAYMENT_METHOD_CARD');
    expect(protoStatus('ISSUED')).toBe('INVOICE_STATUS_ISSUED');
  });

  it('fails an UNSPECIFIED status from the service as INTERNAL instead of showing DRAFT', () => {
    expect(() => graphqlStatus('INVOICE_STATUS_UNSPECIFIED')).toThrow(UnexpectedProtoEnum);
  });

  it('sends UNSPECIFIED only for an absent filter ("any")', () => {
    expect(protoStatus(undefined)).toBe('INVOICE_STATUS_UNSPECIFIED');
    expect(protoStatus(null)).toBe('INVOICE_STATUS_UNSPECIFIED');
  });
});
