import { describe, expect, it } from 'vitest';
import { clientRequestIdOf, mintRequestId } from './context.ts';

describe('mintRequestId', () => {
  it('mints a fresh UUID every time (a client never chooses the id the audit trail de-duplicates by)', () => {
    const a = mintRequestId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(mintRequestId()).not.toBe(a);
  });
});

describe('clientRequestIdOf', () => {
  it('keeps a sane client-supplied id (for the access log only)', () => {
    expect(clientRequestIdOf('3f2a1c9e-0b7d-4e5f-8a6b-1c2d3e4f5a6b')).toBe('3f2a1c9e-0b7d-4e5f-8a6b-1c2d3e4f5a6b');
    expect(clientRequestIdOf('web:checkout.42')).toBe('web:checkout.42');
  });

  it.each([
    ['too long', 'a'.repeat(65)],
    ['log injection', 'abc\n{"level":"fatal"}'],
    ['spaces', 'a b'],
    ['empty', ''],
    ['repeated', ['a', 'b']],
    ['missing', undefined],
  ])('drops an id that is %s', (_name, value) => {
    expect(clientRequestIdOf(value)).toBeUndefined();
  });
});
