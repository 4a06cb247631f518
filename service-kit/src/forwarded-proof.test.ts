/** The web server's proof of X-Forwarded-For: bound to the request and short-lived, so it cannot be replayed. */
import { describe, expect, it } from 'vitest';
import { FORWARDED_PROOF_MAX_AGE_MS, signForwardedFor, verifyForwardedFor, type ForwardedRequest } from './forwarded-proof.ts';

const SECRET = 'proxy-secret-of-this-test-0123456789abcdef';
const REQUEST: ForwardedRequest = { method: 'POST', path: '/graphql', forwardedFor: '203.0.113.7' };
const NOW = Date.parse('2026-12-06T12:00:00Z');

describe('forwarded proof', () => {
  it('proves the exact request it was made for, under the same secret', () => {
    const proof = signForwardedFor(SECRET, REQUEST, NOW);
    expect(verifyForwardedFor(SECRET, REQUEST, proof, NOW)).toBe(true);
    expect(verifyForwardedFor('another-secret-of-at-least-32-characters', REQUEST, proof, NOW)).toBe(false);
  });

  it.each([
    ['another X-Forwarded-For', { forwardedFor: '198.51.100.1' }],
    ['another method', { method: 'GET' }],
    ['another path', { path: '/graphql?x=1' }],
  ])('is refused for %s', (_name, change) => {
    const proof = signForwardedFor(SECRET, REQUEST, NOW);
    expect(verifyForwardedFor(SECRET, { ...REQUEST, ...change }, proof, NOW)).toBe(false);
  });

  it('expires: a proof replayed more than 30 s later (or dated that far ahead) proves nothing', () => {
    const proof = signForwardedFor(SECRET, REQUEST, NOW);
    expect(verifyForwardedFor(SECRET, REQUEST, proof, NOW + FORWARDED_PROOF_MAX_AGE_MS)).toBe(true);
    expect(verifyForwardedFor(SECRET, REQUEST, proof, NOW + FORWARDED_PROOF_MAX_AGE_MS + 1)).toBe(false);
    expect(verifyForwardedFor(SECRET, REQUEST, proof, NOW - FORWARDED_PROOF_MAX_AGE_MS - 1)).toBe(false);
  });

  it('refuses a proof whose timestamp was changed, and malformed proofs, without throwing', () => {
    const [, mac] = signForwardedFor(SECRET, REQUEST, NOW).split('.');
    expect(verifyForwardedFor(SECRET, REQUEST, `${NOW + 1000}.${mac}`, NOW + 1000)).toBe(false);
    for (const bad of ['', 'forged', '.', `${NOW}.`, `x.${mac}`, `${NOW}.${mac}.extra`, `1e3.${mac}`]) expect(verifyForwardedFor(SECRET, REQUEST, bad, NOW)).toBe(false);
  });
});
