/** The search cursor: what a page hands out comes back as the same position; anything forged is BAD_USER_INPUT on `after`. */
import { describe, expect, it } from 'vitest';
import { DomainError } from '@hospital/service-kit';
import { MAX_CURSOR_KEY_LENGTH, searchCursorOf, searchPositionFrom } from './search-patients.cursor.ts';

const id = '00000000-0000-4000-8000-000000000000';
const forge = (values: unknown[]) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

describe('search cursor', () => {
  it('round-trips a position, unicode names included', () => {
    const position = { section: 1 as const, first: 'lövelace', second: "o'neil-ñ", mrn: 'MRN-000123', id };
    expect(searchPositionFrom(searchCursorOf(position))).toEqual(position);
    expect(searchPositionFrom('')).toBeUndefined();
  });

  it.each([
    ['NUL', ['0', 'a\u0000b', 'c', 'MRN-1', id]],
    ['escape', ['0', 'a', 'b\u001b', 'MRN-1', id]],
    ['DEL', ['0', 'a', 'b', 'MRN\u007f', id]],
    ['lone surrogate', ['0', '\ud800', 'b', 'MRN-1', id]],
    ['overlong key', ['0', 'x'.repeat(MAX_CURSOR_KEY_LENGTH + 1), 'b', 'MRN-1', id]],
    ['unknown section', ['2', 'a', 'b', 'MRN-1', id]],
    ['id not a UUID', ['0', 'a', 'b', 'MRN-1', 'x']],
    ['former 4-value cursor', ['a', 'b', 'MRN-1', id]],
    ['non-string value', ['0', 1, 'b', 'MRN-1', id]],
  ])('refuses a cursor with %s as BAD_USER_INPUT on after', (_name, values) => {
    let thrown: unknown;
    try {
      searchPositionFrom(forge(values));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
