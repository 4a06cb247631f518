import { describe, expect, it } from 'vitest';
import { bearerHeader } from './bearer.ts';

describe('bearerHeader', () => {
  it('names the token as a bearer credential', () => {
    expect(bearerHeader('abc')).toStrictEqual({ authorization: 'Bearer abc' });
  });

  it('sends no header at all without a token', () => {
    for (const none of [undefined, null, '']) expect(Object.keys(bearerHeader(none))).toEqual([]);
  });
});
