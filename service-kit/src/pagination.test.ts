import { describe, expect, it } from 'vitest';
import { DomainError } from './errors.ts';
import { decodeCursor, decodeInstantIdCursor, encodeCursor, instantIdCursor, instantIdOrder, keysetOf, keysetPage, pageRequestSchema, pageSize } from './pagination.ts';

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

describe('pageRequestSchema', () => {
  it('reads an unset PageRequest as the first page of the default size', () => {
    expect(pageRequestSchema.parse(null)).toEqual({ first: 0, after: '' });
    expect(pageRequestSchema.parse(undefined)).toEqual({ first: 0, after: '' });
    expect(pageRequestSchema.parse({ first: 5 })).toEqual({ first: 5, after: '' });
    expect(pageRequestSchema.parse({ first: 5, after: 'abc' })).toEqual({ first: 5, after: 'abc' });
  });
});

describe('keysetOf', () => {
  const position = (cursor: string) => ({ decoded: cursor });

  it('reads one row more than the page, and no position on the first page', () => {
    expect(keysetOf({ first: 0, after: '' }, position)).toEqual({ limit: 20, readLimit: 21, after: undefined });
    expect(keysetOf({ first: 500, after: 'x' }, position)).toEqual({ limit: 100, readLimit: 101, after: { decoded: 'x' } });
  });

  it('checks the size before the cursor', () => {
    const forged = () => {
      throw new Error('cursor read');
    };
    expect(() => keysetOf({ first: -1, after: 'forged' }, forged)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'first' }));
  });
});

describe('keysetPage', () => {
  const cursorOf = (row: { id: string }) => `c-${row.id}`;

  it('shows the page, a cursor a row, and whether another page follows', () => {
    const read = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    expect(keysetPage(read, 2, cursorOf, 7)).toEqual({
      rows: [{ id: 'a' }, { id: 'b' }],
      cursors: ['c-a', 'c-b'],
      pageInfo: { endCursor: 'c-b', hasNextPage: true, totalCount: 7 },
    });
    expect(keysetPage(read, 3, cursorOf, 3).pageInfo).toEqual({ endCursor: 'c-c', hasNextPage: false, totalCount: 3 });
  });

  it('an empty page has an empty end cursor', () => {
    expect(keysetPage([], 20, cursorOf, 0)).toEqual({ rows: [], cursors: [], pageInfo: { endCursor: '', hasNextPage: false, totalCount: 0 } });
  });
});

describe('(instant, id) cursors', () => {
  const id = '6f1c1f0e-7a53-4f5e-9a54-0f6c2f1f2a11';

  it('round-trip', () => {
    const at = new Date('2026-12-07T09:30:00.123Z');
    expect(decodeInstantIdCursor(instantIdCursor(at, id))).toEqual({ at, id });
  });

  it('refuse a forged instant or id as BAD_USER_INPUT on "after"', () => {
    for (const bad of [encodeCursor(['yesterday', id]), encodeCursor(['2026-12-07T09:30:00Z', 'not-a-uuid']), encodeCursor([id])]) {
      expect(() => decodeInstantIdCursor(bad)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }));
    }
  });

  it('instantIdOrder: a row’s cursor and the position it names, under the row’s own field', () => {
    const { cursorOf, positionFrom } = instantIdOrder('admittedAt');
    const admittedAt = new Date('2026-12-07T09:30:00.123Z');
    const admission = { admittedAt, id, wardId: 'w1' };
    const cursor = cursorOf(admission);
    expect(cursor).toBe(instantIdCursor(admittedAt, id));
    expect(positionFrom(cursor)).toEqual({ admittedAt, id });
    expect(() => positionFrom(encodeCursor(['yesterday', id]))).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }));
  });
});
