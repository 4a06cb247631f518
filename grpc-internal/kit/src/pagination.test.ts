import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { decodeCursor, encodeCursor, pageSize } from './pagination.ts';

describe('pageSize', () => {
  it('defaults, caps and refuses negatives', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(0)).toBe(20);
    expect(pageSize(7)).toBe(7);
    expect(pageSize(1000)).toBe(100);
    expect(pageSize(0, { defaultSize: 5, max: 10 })).toBe(5);
    expect(() => pageSize(-1)).toThrow(DomainError);
    expect(() => pageSize(1.5)).toThrow(/first/);
  });
});

describe('cursors', () => {
  it('round-trip any strings, URL-safe', () => {
    const key = ['Lovelace', 'Ada ✓', 'MRN-000001', '6f1c1f0e-7a53-4f5e-9a54-0f6c2f1f2a11'];
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, 4)).toEqual(key);
  });

  it('refuse anything else as BAD_USER_INPUT on "after"', () => {
    for (const bad of ['', 'garbage', encodeCursor(['a']), Buffer.from('{"a":1}').toString('base64url'), Buffer.from('[1,2]').toString('base64url')]) {
      expect(() => decodeCursor(bad, 2)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }));
    }
  });
});
