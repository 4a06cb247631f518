import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseRequest } from './validation.ts';

const schema = z.object({
  name: z.string().trim().min(1, 'Name is required.'),
  tags: z.array(z.string().max(3, 'Tag too long.')),
  page: z.object({ first: z.number().int('first must be whole.') }),
});

describe('parseRequest', () => {
  it('returns the parsed, transformed value', () => {
    expect(parseRequest(schema, { name: ' x ', tags: [], page: { first: 1 } })).toEqual({ name: 'x', tags: [], page: { first: 1 } });
  });

  it('throws BAD_USER_INPUT with the message and field of the first problem', () => {
    expect(() => parseRequest(schema, { name: ' ', tags: [], page: { first: 1 } })).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', message: 'Name is required.', field: 'name' }),
    );
    // List positions are dropped: clients map field names, not indexes.
    expect(() => parseRequest(schema, { name: 'x', tags: ['ok', 'long'], page: { first: 1 } })).toThrow(expect.objectContaining({ field: 'tags' }));
    expect(() => parseRequest(schema, { name: 'x', tags: [], page: { first: 1.5 } })).toThrow(expect.objectContaining({ field: 'page.first' }));
  });
});
