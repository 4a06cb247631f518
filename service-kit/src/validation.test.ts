import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { distinctIds, idListSchema, isUuid, MAX_IDS, parseRequest, requiredTextSchema, uuidSchema } from './validation.ts';

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

describe('the id rule', () => {
  it('accepts every id the database generates (v4), in either case, and v7, nil and max', () => {
    for (const id of [
      randomUUID(),
      randomUUID().toUpperCase(),
      '018570bb-4a7d-7c7e-8df4-6d47afd8c8fc',
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
    ]) {
      expect(uuidSchema.safeParse(id).success).toBe(true);
      expect(isUuid(id)).toBe(true);
    }
  });

  it('refuses what is not an RFC 9562 UUID, the same way in every service and in isUuid', () => {
    // Version nibble 0 and variant nibble 0: z.guid accepted these, so identity and notifications disagreed.
    for (const id of [
      '00000000-0000-0000-0000-000000000001',
      '6f1c1f0e-7a53-0f5e-9a54-0f6c2f1f2a11',
      '6f1c1f0e-7a53-4f5e-0a54-0f6c2f1f2a11',
      'not-a-uuid',
      '6f1c1f0e7a534f5e9a540f6c2f1f2a11',
    ]) {
      expect(uuidSchema.safeParse(id).success).toBe(false);
      expect(isUuid(id)).toBe(false);
    }
    expect(() => parseRequest(z.object({ id: uuidSchema }), { id: 'x' })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', message: 'must be a UUID.', field: 'id' }));
  });

  it(`allows at most ${MAX_IDS} ids in one batch`, () => {
    const ids = (n: number) => Array.from({ length: n }, () => randomUUID());
    expect(idListSchema.safeParse(ids(MAX_IDS)).success).toBe(true);
    expect(idListSchema.safeParse(ids(MAX_IDS + 1)).success).toBe(false);
  });
});

describe('distinctIds', () => {
  it('keeps each id once, lower-cased, in first-seen order', () => {
    const id = randomUUID();
    expect(distinctIds([id.toUpperCase(), 'b', id, 'B'])).toEqual([id, 'b']);
    expect(distinctIds([])).toEqual([]);
  });
});

describe('requiredTextSchema', () => {
  const fields = (schema: z.ZodType) => z.object({ reason: schema });

  it('trims, requires, bounds and refuses control characters with one set of messages', () => {
    const reason = fields(requiredTextSchema('Reason', 5));
    expect(parseRequest(reason, { reason: '  ok  ' })).toEqual({ reason: 'ok' });
    expect(() => parseRequest(reason, { reason: '   ' })).toThrow(expect.objectContaining({ message: 'Reason is required.', field: 'reason' }));
    expect(() => parseRequest(reason, { reason: 'too long' })).toThrow(expect.objectContaining({ message: 'Reason must be at most 5 characters.' }));
    // C1 controls too (U+0085, U+009B): the copies that listed C0 only let them through.
    for (const text of ['a\u0000b', 'a\nb', 'a\u0085b', 'a\u009bb']) {
      expect(() => parseRequest(reason, { reason: text })).toThrow(expect.objectContaining({ message: 'Reason must not contain control characters.' }));
    }
  });

  it('lets multi-line text hold tabs and line breaks, CRLF included, and nothing else', () => {
    const summary = fields(requiredTextSchema('Summary', 100, { multiline: true }));
    expect(parseRequest(summary, { reason: 'Line 1\r\n\tLine 2\nLine 3' })).toEqual({ reason: 'Line 1\r\n\tLine 2\nLine 3' });
    expect(() => parseRequest(summary, { reason: 'bell\u0007' })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
