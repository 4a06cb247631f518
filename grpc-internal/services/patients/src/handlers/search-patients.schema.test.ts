/** Search validation: control characters are bad input, not a database error (found by test/fuzz). */
import { describe, expect, it } from 'vitest';
import { parseRequest } from '@hospital/service-kit';
import { expectDomainError } from '@hospital/service-kit/testing';
import { searchPatientsSchema } from './search-patients.schema.ts';

describe('searchPatientsSchema', () => {
  it.each(['a\u0000b', '\u0000', 'Love\u0007lace', 'x\u001b[2J'])('rejects %j as BAD_USER_INPUT on search', (search) => {
    expectDomainError(() => parseRequest(searchPatientsSchema, { search }), 'BAD_USER_INPUT', { field: 'search' });
  });

  it.each(['', 'Ada\tLovelace', ' lovelace\n', "O'Brien", '50%', 'mrn-12'])('accepts %j', (search) => {
    expect(parseRequest(searchPatientsSchema, { search }).search).toBe(search);
  });
});
