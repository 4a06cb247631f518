import { Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { INT64_MAX, INT64_MIN, MinorUnitsScalar, toMinorUnits } from './minor-units.ts';

describe('MinorUnits', () => {
  it('serialises any int64 as exact decimal text, beyond 2^31 and 2^53', () => {
    expect(MinorUnitsScalar.serialize('4294967296')).toBe('4294967296');
    expect(MinorUnitsScalar.serialize(INT64_MAX.toString())).toBe('9223372036854775807');
    expect(MinorUnitsScalar.serialize(INT64_MIN)).toBe('-9223372036854775808');
    expect(MinorUnitsScalar.serialize(1250)).toBe('1250');
    expect(() => MinorUnitsScalar.serialize('12.5')).toThrow('cannot represent');
  });

  it('reads strings and safe integers, normalised, and refuses anything else as BAD_USER_INPUT', () => {
    expect(MinorUnitsScalar.parseValue('-0012')).toBe('-12');
    expect(MinorUnitsScalar.parseValue(99)).toBe('99');
    expect(MinorUnitsScalar.parseLiteral({ kind: Kind.INT, value: '2147483648' })).toBe('2147483648');
    for (const bad of ['9223372036854775808', '12.50', '1e3', '', ' 1', 12.5, 2 ** 60, null, true]) {
      expect(() => MinorUnitsScalar.parseValue(bad), String(bad)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
    }
    expect(() => MinorUnitsScalar.parseLiteral({ kind: Kind.FLOAT, value: '1.5' })).toThrow('MinorUnits must be');
    expect(toMinorUnits(-(2n ** 63n) - 1n)).toBeUndefined();
  });
});
