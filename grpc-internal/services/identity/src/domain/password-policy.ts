/**
 * The password rule, after NIST SP 800-63B (5.1.1.2): at least 12 characters, no composition
 * rules, and no password an attacker would try early: one on a list of common and breached
 * passwords, a repeated or sequential string, a word and a year, or one containing the user's own
 * name, email words or domain, or the service's name, also when disguised by accents, full-width
 * characters or leetspeak (4→a, 3→e, 1→i/l, 0→o, 5→s, @→a). The list and the pattern detection
 * come from zxcvbn-ts (its common-language package ships the breached-password list); a password
 * must be estimated at 10^9 guesses or more (`MIN_GUESSES_LOG10`).
 */
import { ZxcvbnFactory, type MatchExtended } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/** Shortest password accepted (NIST: length over composition). */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest password accepted: bounds the hashing and the estimate. */
export const MAX_PASSWORD_LENGTH = 1024;
/**
 * Guesses (log10) zxcvbn must estimate, between its score 3 (10^8) and 4 (10^10): score 3 alone
 * let a capitalised word plus a year through (`Summer2026!!` is 10^8).
 */
const MIN_GUESSES_LOG10 = 9;
/** Words of the service itself: every account's password is tried with them first. */
const SERVICE_WORDS = ['hospital', 'hospitalsystem'];

let estimator: ZxcvbnFactory | undefined;

/** The estimator, built on the first check and kept: the dictionaries take tens of milliseconds to index, work a start-up need not do. */
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return estimator;
}

/** NFKC (full-width and compatibility forms) without accents, lower case: `Ǵrace` is `grace`. */
function normalise(text: string): string {
  return text.normalize('NFKC').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Letters and digits only: `Dr. Hale` and `dr-hale` are the same name. */
function squash(text: string): string {
  return normalise(text).replace(/[^\p{L}\p{N}]/gu, '');
}

/** The readings of a password with leetspeak undone (`1` may stand for i or l). */
function unleet(text: string): string[] {
  const common = text.replace(/4|@/g, 'a').replace(/3/g, 'e').replace(/0/g, 'o').replace(/5/g, 's');
  return [text, common.replace(/1/g, 'i'), common.replace(/1/g, 'l')];
}

/**
 * The words an attacker targeting this account tries first: the email's local part and domain
 * labels, the name, each of their words of 3 or more characters, and the service's own words.
 * @param owner - the account's email and display name
 */
export function personalWords(owner: { email: string; displayName: string }): string[] {
  const [localPart = '', domain = ''] = normalise(owner.email).split('@');
  const parts = [localPart, owner.displayName, ...domain.split('.')];
  const words = parts.flatMap((part) => [
    squash(part),
    ...normalise(part)
      .split(/[^\p{L}\p{N}]+/u)
      .map(squash),
  ]);
  return [...new Set([...words, ...SERVICE_WORDS])].filter((word) => word.length >= 3 && !/^\p{N}+$/u.test(word));
}

/** The message for the pattern that made a password guessable. */
function messageFor(matches: readonly MatchExtended[], length: number): string {
  // The pattern covering most of the password is the one to name.
  const main = [...matches].sort((a, b) => b.token.length - a.token.length)[0];
  if (main && main.token.length * 2 >= length) {
    if (main.pattern === 'repeat') return 'Password must not be a repeated character or pattern.';
    if (main.pattern === 'sequence' || main.pattern === 'spatial') return 'Password must not be a sequence such as 123456 or abcdef or a keyboard row.';
    if (main.pattern === 'dictionary' && main.dictionaryName === 'userInputs') return 'Password must not contain your name, your email or the service name.';
    if (main.pattern === 'dictionary') return 'Password is on a list of common or breached passwords.';
  }
  return 'Password is too easy to guess: use a longer phrase of unrelated words.';
}

/**
 * Why a password may not be used, or undefined when it may.
 * @param password - the password as typed
 * @param owner - the account's email and display name
 */
export function passwordProblem(password: string, owner: { email: string; displayName: string }): string | undefined {
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- counts code points on purpose (an emoji is one character)
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Password must be at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return 'Password is too long.';
  const personal = personalWords(owner);
  const readings = unleet(squash(password));
  if (personal.some((word) => readings.some((reading) => reading.includes(word)))) return 'Password must not contain your name, your email or the service name.';
  const result = zxcvbn().check(normalise(password), personal);
  return result.guessesLog10 >= MIN_GUESSES_LOG10 ? undefined : messageFor(result.sequence, password.length);
}
