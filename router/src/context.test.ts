import { describe, expect, it } from 'vitest';
import { acceptRequestId } from './context.ts';

describe('acceptRequestId', () => {
  it('keeps a sane client-supplied id', () => {
    expect(acceptRequestId('3f2a1c9e-0b7d-4e5f-8a6b-1c2d3e4f5a6b')).toBe('3f2a1c9e-0b7d-4e5f-8a6b-1c2d3e4f5a6b');
    expect(acceptRequestId('web:checkout.42')).toBe('web:checkout.42');
  });

  it.each([
    ['too long', 'a'.repeat(65)],
    ['log injection', 'abc\n{"level":"fatal"}'],
    ['spaces', 'a b'],
    ['empty', ''],
  ])('replaces an id that is %s with a fresh UUID', (_name, value) => {
    expect(acceptRequestId(value)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('generates one when the header is missing or repeated', () => {
    expect(acceptRequestId(undefined)).toMatch(/^[0-9a-f-]{36}$/);
    expect(acceptRequestId(['a', 'b'])).toMatch(/^[0-9a-f-]{36}$/);
  });
});
