import { randomUUID } from 'node:crypto';

/**
 * Letters no other test run will draw: names, emails and search terms that must be unique within a
 * shared database and still pass the "letters only" rules of person names. Each of the UUID's hex
 * digits maps to its own letter (a–p), so no randomness is lost: mapping every decimal digit to one
 * letter (as tests used to) left about 1 in 200 pairs of six-letter tags equal, and a CI run failed
 * on two accounts with one email.
 * @param length - how many letters (at most 32); 10 gives 16^10 possibilities
 */
export function uniqueLetters(length = 10): string {
  if (!Number.isInteger(length) || length < 1 || length > 32) throw new RangeError(`uniqueLetters: length must be 1–32, got ${length}`);
  const hex = randomUUID().replace(/-/g, '').slice(0, length);
  return Array.from(hex, (digit) => String.fromCharCode(97 + Number.parseInt(digit, 16))).join('');
}
