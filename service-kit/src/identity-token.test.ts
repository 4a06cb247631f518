import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDENTITY_TOKEN_TTL_SECONDS, signIdentity, verifyForwardedIdentity, verifyIdentity, type Caller } from './identity-token.ts';

const SECRET = 'internal-secret-for-the-identity-token-test';
const DOCTOR: Caller = { kind: 'user', userId: 'u-1', role: 'doctor', email: 'd@h.local' };

/** A token signed with the right secret but claims of our choosing (what a buggy or hostile signer could send). */
const signedWith = (claims: Record<string, unknown>, options: jwt.SignOptions = {}, secret = SECRET) =>
  jwt.sign(claims, secret, { algorithm: 'HS256', audience: 'hospital-internal', issuer: 'hospital-router', expiresIn: 60, ...options });

/** Swaps a token's payload for another one, keeping its header and signature. */
function withPayload(token: string, payload: Record<string, unknown>): string {
  const [header, , signature] = token.split('.');
  return `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('forwarded identity', () => {
  it('round-trips users, services, anonymous callers and the origin', () => {
    const token = signIdentity(DOCTOR, SECRET, { ip: '203.0.113.9', userAgent: 'UA', operation: 'Chart' });
    expect(verifyForwardedIdentity(token, SECRET)).toEqual({ caller: DOCTOR, origin: { ip: '203.0.113.9', userAgent: 'UA', operation: 'Chart' } });
    expect(verifyIdentity(signIdentity({ kind: 'service', service: 'finance' }, SECRET), SECRET)).toEqual({ kind: 'service', service: 'finance' });
    expect(verifyIdentity(signIdentity({ kind: 'anonymous' }, SECRET), SECRET)).toEqual({ kind: 'anonymous' });
  });

  it('refuses a missing token, another secret, and a token whose claims or signature were changed', () => {
    const token = signIdentity(DOCTOR, SECRET);
    expect(verifyIdentity(undefined, SECRET)).toBeUndefined();
    expect(verifyIdentity('', SECRET)).toBeUndefined();
    expect(verifyIdentity(token, `${SECRET}x`)).toBeUndefined();
    expect(verifyIdentity(signIdentity(DOCTOR, `${SECRET}x`), SECRET)).toBeUndefined();
    const claims = jwt.decode(token) as Record<string, unknown>;
    expect(verifyIdentity(withPayload(token, { ...claims, role: 'admin' }), SECRET)).toBeUndefined();
    const [header, payload, signature] = token.split('.');
    const flipped = `${signature!.slice(0, -2)}${signature!.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(verifyIdentity(`${header}.${payload}.${flipped}`, SECRET)).toBeUndefined();
    expect(verifyIdentity(`${header}.${payload}.`, SECRET)).toBeUndefined();
  });

  it('refuses unsigned tokens and other algorithms, even with the right secret', () => {
    const claims = { sub: 'u-1', role: 'admin', email: 'a@h.local' };
    expect(verifyIdentity(jwt.sign(claims, null, { algorithm: 'none', audience: 'hospital-internal', issuer: 'hospital-router' }), SECRET)).toBeUndefined();
    expect(verifyIdentity(signedWith(claims, { algorithm: 'HS512' }), SECRET)).toBeUndefined();
    // An HS256 token built by hand over the same claims verifies: the refusal above is about the algorithm.
    const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const body = Buffer.from(JSON.stringify({ ...claims, aud: 'hospital-internal', iss: 'hospital-router', iat: now, exp: now + 60 })).toString('base64url');
    const mac = createHmac('sha256', SECRET).update(`${header}.${body}`).digest('base64url');
    expect(verifyIdentity(`${header}.${body}.${mac}`, SECRET)).toMatchObject({ kind: 'user', role: 'admin' });
  });

  it('refuses a token for another audience or from another issuer', () => {
    const claims = { sub: 'u-1', role: 'doctor', email: 'd@h.local' };
    expect(verifyIdentity(signedWith(claims), SECRET)).toMatchObject({ kind: 'user' });
    expect(verifyIdentity(signedWith(claims, { audience: 'hospital-api' }), SECRET)).toBeUndefined();
    expect(verifyIdentity(signedWith(claims, { issuer: 'hospital-identity' }), SECRET)).toBeUndefined();
    expect(verifyIdentity(jwt.sign(claims, SECRET, { algorithm: 'HS256', issuer: 'hospital-router' }), SECRET)).toBeUndefined();
  });

  it(`expires after ${IDENTITY_TOKEN_TTL_SECONDS} s, and refuses a token without an expiry`, () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-06T12:00:00Z'));
    const token = signIdentity(DOCTOR, SECRET);
    vi.setSystemTime(new Date('2026-12-06T12:01:59Z'));
    expect(verifyIdentity(token, SECRET)).toEqual(DOCTOR);
    vi.setSystemTime(new Date('2026-12-06T12:02:01Z'));
    expect(verifyIdentity(token, SECRET)).toBeUndefined();
    const exp = (jwt.decode(token) as { exp: number; iat: number }).exp - (jwt.decode(token) as { iat: number }).iat;
    expect(exp).toBeLessThanOrEqual(120);
    vi.useRealTimers();
    expect(
      verifyIdentity(
        jwt.sign({ sub: 'u-1', role: 'doctor', email: 'd@h.local' }, SECRET, { algorithm: 'HS256', audience: 'hospital-internal', issuer: 'hospital-router' }),
        SECRET,
      ),
    ).toBeUndefined();
  });

  it('refuses claims that name no valid caller', () => {
    expect(verifyIdentity(signedWith({ sub: 'u-1', role: 'superuser', email: 'x@h.local' }), SECRET)).toBeUndefined();
    expect(verifyIdentity(signedWith({ svc: 'Not A Service!' }), SECRET)).toBeUndefined();
    expect(verifyIdentity(signedWith({ anon: 'yes' }), SECRET)).toBeUndefined();
  });

  it('keeps one key per secret (many secrets in one process still verify correctly)', () => {
    const secrets = Array.from({ length: 40 }, (_, i) => `secret-number-${i}-that-is-long-enough`);
    const tokens = secrets.map((secret) => signIdentity(DOCTOR, secret));
    secrets.forEach((secret, i) => {
      expect(verifyIdentity(tokens[i], secret)).toEqual(DOCTOR);
      expect(verifyIdentity(tokens[(i + 1) % secrets.length], secret)).toBeUndefined();
    });
  });
});
