/**
 * The password rule, after NIST SP 800-63B (5.1.1.2): at least 12 characters, no composition
 * rules, and no password an attacker would try early: one on a list of common and breached
 * passwords, a repeated or sequential string, or one containing the user's own name or email.
 * The list and the pattern detection come from zxcvbn-ts (its common-language package ships the
 * breached-password list); a password must reach its score 3 ("safely unguessable", about 10^8
 * guesses), which refuses exactly those patterns and their simple combinations.
 */
import { ZxcvbnFactory, type MatchExtended } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/** Shortest password accepted (NIST: length over composition). */
export const MIN_PASSWORD_LENGTH = 12;
/** Longest password accepted: bounds the hashing and the estimate. */
export const MAX_PASSWORD_LENGTH = 1024;
/** zxcvbn score a password must reach (0–4). */
const MIN_SCORE = 3;

// Built once: the dictionaries take tens of milliseconds to index.
const estimator = new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });

/** Lower case, letters and digits only: `Dr. Hale` and `dr-hale` are the same name. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** The message for the pattern that made a password guessable. */
function messageFor(matches: readonly MatchExtended[], length: number): string {
  // The pattern covering most of the password is the one to name.
  const main = [...matches].sort((a, b) => b.token.length - a.token.length)[0];
  if (main && main.token.length * 2 >= length) {
    if (main.pattern === 'repeat') return 'Password must not be a repeated character or pattern.';
    if (main.pattern === 'sequence' || main.pattern === 'spatial') return 'Password must not be a sequence such as 123456 or abcdef or a keyboard row.';
    if (main.pattern === 'dictionary' && main.dictionaryName === 'userInputs') return 'Password must not contain your name or email.';
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
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Password must be at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return 'Password is too long.';
  const localPart = owner.email.split('@')[0] ?? '';
  const personal = [squash(localPart), squash(owner.displayName)].filter((word) => word.length >= 3);
  const squashed = squash(password);
  if (personal.some((word) => squashed.includes(word))) return 'Password must not contain your name or email.';
  const result = estimator.check(password, [localPart, owner.displayName]);
  return result.score >= MIN_SCORE ? undefined : messageFor(result.sequence, password.length);
}
