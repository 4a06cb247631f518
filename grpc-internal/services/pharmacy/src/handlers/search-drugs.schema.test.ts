/** Catalogue search validation: control characters are bad input, not a database error (found by test/fuzz). */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '@hospital/service-kit';
import { expectDomainError } from '@hospital/service-kit/testing';
import { searchDrugsSchema } from './search-drugs.schema.ts';

describe('searchDrugsSchema', () => {
  it.each(['a\u0000b', '\u0000', 'para\u0007', 'x\u001b[2J'])('rejects %j as BAD_USER_INPUT on search', (search) => {
    expectDomainError(() => parseRequest(searchDrugsSchema, { search }), 'BAD_USER_INPUT', { field: 'search' });
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
