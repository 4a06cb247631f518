import { describe, expect, it } from 'vitest';
import { fitsInt64, INT64_MAX, INT64_MIN } from './int64.ts';

describe('int64 bounds', () => {
  it('are those of a BIGINT column, inclusive', () => {
    expect([INT64_MIN.toString(), INT64_MAX.toString()]).toEqual(['-9223372036854775808', '9223372036854775807']);
    expect([fitsInt64(INT64_MAX), fitsInt64(INT64_MIN), fitsInt64(INT64_MAX + 1n), fitsInt64(INT64_MIN - 1n), fitsInt64(0n)]).toEqual([true, true, false, false, true]);
  });
});
