import { describe, expect, it } from 'vitest';
import { parseRequest } from './validation.ts';
import { fromProtoEnum, isUnspecifiedProto, protoEnum, protoEnumSchema, toProtoEnum } from './proto-enum.ts';

const METHOD = protoEnum('PAYMENT_METHOD_', ['cash', 'card', 'bank_transfer'] as const);

const failure = (schema: Parameters<typeof parseRequest>[0], input: unknown) => {
  try {
    parseRequest(schema, input);
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};

describe('proto enum spellings', () => {
  it('reads names (prefix required, any case of the service name) and numbers in proto order', () => {
    expect(fromProtoEnum(METHOD, 'PAYMENT_METHOD_BANK_TRANSFER')).toBe('bank_transfer');
    expect(fromProtoEnum(METHOD, 2)).toBe('card');
    expect(fromProtoEnum(METHOD, 'BANK_TRANSFER')).toBeUndefined();
    expect(fromProtoEnum(METHOD, 'PAYMENT_METHOD_UNSPECIFIED')).toBeUndefined();
    expect(fromProtoEnum(METHOD, 0)).toBeUndefined();
    expect(fromProtoEnum(METHOD, 4)).toBeUndefined();
    expect(fromProtoEnum(METHOD, 1.5)).toBeUndefined();
    expect(toProtoEnum(METHOD, 'bank_transfer')).toBe('PAYMENT_METHOD_BANK_TRANSFER');
    expect([undefined, 0, 'PAYMENT_METHOD_UNSPECIFIED', 'PAYMENT_METHOD_CASH'].map((value) => isUnspecifiedProto(METHOD, value))).toEqual([true, true, true, false]);
  });
});

describe('protoEnumSchema', () => {
  it("'refuse': UNSPECIFIED and unknown values are BAD_USER_INPUT with the field's message", () => {
    const schema = protoEnumSchema(METHOD, { unspecified: 'refuse', message: 'Choose a payment method.' });
    expect(parseRequest(schema, 'PAYMENT_METHOD_CARD')).toBe('card');
    for (const bad of ['PAYMENT_METHOD_UNSPECIFIED', 0, 'PAYMENT_METHOD_GOLD', 9])
      expect(failure(schema, bad)).toMatchObject({ code: 'BAD_USER_INPUT', message: 'Choose a payment method.' });
  });

  it("'any': UNSPECIFIED, 0 or absent mean any (undefined); unknown values are refused", () => {
    const schema = protoEnumSchema(METHOD, { unspecified: 'any', message: 'Unknown payment method.' });
    expect([undefined, 0, 'PAYMENT_METHOD_UNSPECIFIED', 'PAYMENT_METHOD_CASH'].map((value) => parseRequest(schema, value))).toEqual([undefined, undefined, undefined, 'cash']);
    expect(failure(schema, 'PAYMENT_METHOD_GOLD')).toMatchObject({ message: 'Unknown payment method.' });
  });

  it('{ read }: UNSPECIFIED is read as the named value', () => {
    const schema = protoEnumSchema(METHOD, { unspecified: { read: 'cash' }, message: 'Unknown payment method.' });
    expect(parseRequest(schema, 'PAYMENT_METHOD_UNSPECIFIED')).toBe('cash');
    expect(parseRequest(schema, 0)).toBe('cash');
    expect(failure(schema, 'PAYMENT_METHOD_GOLD')).toMatchObject({ message: 'Unknown payment method.' });
  });
});
