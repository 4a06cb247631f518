import { describe, expect, it } from 'vitest';
import { keysetWhere } from './keyset-where.ts';

describe('keysetWhere', () => {
  const at = new Date('2026-11-24T09:00:00Z');

  it('adds nothing on the first page', () => {
    expect(keysetWhere('createdAt', undefined, 'desc')).toEqual({});
  });

  it('reads below the position for a newest-first list, above it for an ascending one', () => {
    expect(keysetWhere('createdAt', { createdAt: at, id: 'b' }, 'desc')).toEqual({ OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: 'b' } }] });
    expect(keysetWhere('email', { email: 'a@x', id: 'b' }, 'asc')).toEqual({ OR: [{ email: { gt: 'a@x' } }, { email: 'a@x', id: { gt: 'b' } }] });
  });
});
