import { describe, expect, it } from 'vitest';
import { uniqueLetters } from './unique-letters.ts';

describe('uniqueLetters', () => {
  it('draws only the letters a–p, as many as asked', () => {
    expect(uniqueLetters(12)).toMatch(/^[a-p]{12}$/);
    expect(uniqueLetters()).toHaveLength(10);
  });

  it('keeps the randomness: ten-letter tags do not repeat in a few thousand draws', () => {
    // With the decimal digits folded into one letter, two ten-letter tags are equal about once in
    // 7,000 pairs: 2,000 draws repeated hundreds of times. Here the chance is about 1 in 500,000.
    const drawn = new Set(Array.from({ length: 2_000 }, () => uniqueLetters()));
    expect(drawn.size).toBe(2_000);
  });

  it('refuses lengths it cannot give', () => {
    expect(() => uniqueLetters(0)).toThrow(RangeError);
    expect(() => uniqueLetters(33)).toThrow(RangeError);
  });
});
