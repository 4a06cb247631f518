/** Catalogue search validation: control characters are bad input, not a database error (found by test/fuzz). */
import { describe, expect, it } from 'vitest';
import { DomainError, parseRequest } from '@hospital/service-kit';
import { searchDrugsSchema } from './search-drugs.schema.ts';

describe('searchDrugsSchema', () => {
  it.each(['a\u0000b', '\u0000', 'para\u0007', 'x\u001b[2J'])('rejects %j as BAD_USER_INPUT on search', (search) => {
    let caught: unknown;
    try {
      parseRequest(searchDrugsSchema, { search });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('BAD_USER_INPUT');
    expect((caught as DomainError).field).toBe('search');
  });

  it.each([
    ['', ''],
    ['para\tcet', 'para\tcet'],
    [' 50% ', '50%'],
    ["O'Neil", "O'Neil"],
  ])('accepts %j', (search, parsed) => {
    expect(parseRequest(searchDrugsSchema, { search }).search).toBe(parsed);
  });
});
