import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { accessTokenIssueTime, hashRefreshToken, isRefreshTokenShaped, loadSigningKey, newRefreshToken, signAccessToken } from './tokens.ts';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const privatePem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

describe('access tokens', () => {
  it('signs ES256 with kid, sub/sid/role/email, iss/aud and exp', () => {
    const settings = { privateKey: loadSigningKey(privatePem), keyId: 'k1', issuer: 'iss-x', audience: 'aud-x', ttlSeconds: 900 };
    const now = new Date();
    const { token, expiresAt } = signAccessToken({ id: 'u1', role: 'doctor', email: 'd@x.org' }, 's1', settings, now);
    const decoded = jwt.verify(token, publicKey, { algorithms: ['ES256'], issuer: 'iss-x', audience: 'aud-x', complete: true });
    expect(decoded.header).toMatchObject({ alg: 'ES256', kid: 'k1' });
    expect(decoded.payload).toMatchObject({ sub: 'u1', sid: 's1', role: 'doctor', email: 'd@x.org' });
    expect((decoded.payload as jwt.JwtPayload).exp).toBe(Math.floor(now.getTime() / 1000) + 900);
    expect(expiresAt.getTime()).toBe(((decoded.payload as jwt.JwtPayload).exp ?? 0) * 1000);
  });

  it('refuses keys that cannot sign ES256', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => loadSigningKey(rsa)).toThrow(/P-256/);
    expect(() => loadSigningKey(p384)).toThrow(/P-256/);
    expect(() => loadSigningKey('not a key')).toThrow();
  });
});

describe('access-token issue time', () => {
  it('is now for a user never revoked, or revoked in an earlier second', () => {
    const now = new Date('2026-11-25T10:00:05.300Z');
    expect(accessTokenIssueTime(now, null)).toEqual(now);
    expect(accessTokenIssueTime(now, new Date('2026-11-25T10:00:04.999Z'))).toEqual(now);
  });

  it('moves to the next whole second when the revocation fell in the same second (its iat would be refused)', () => {
    const now = new Date('2026-11-25T10:00:05.300Z');
    const issued = accessTokenIssueTime(now, new Date('2026-11-25T10:00:05.100Z'));
    expect(issued).toEqual(new Date('2026-11-25T10:00:06.000Z'));
    // The router's rule: refused when iat (seconds) * 1000 <= validAfter.
    expect(Math.floor(issued.getTime() / 1000) * 1000).toBeGreaterThan(new Date('2026-11-25T10:00:05.100Z').getTime());
  });

  it('signs iat from the given time, so the router can compare it with revocations', () => {
    const settings = { privateKey: loadSigningKey(privatePem), keyId: 'k1', issuer: 'i', audience: 'a', ttlSeconds: 60 };
    const { token } = signAccessToken({ id: 'u1', role: 'doctor', email: 'd@x.org' }, 's1', settings, new Date('2026-11-25T10:00:06.000Z'));
    expect((jwt.decode(token) as jwt.JwtPayload).iat).toBe(Date.parse('2026-11-25T10:00:06.000Z') / 1000);
  });
});

describe('refresh tokens', () => {
  it('are 43 base64url characters, unique, and hashed deterministically', () => {
    const a = newRefreshToken();
    const b = newRefreshToken();
    expect(a).not.toBe(b);
    expect(isRefreshTokenShaped(a)).toBe(true);
    expect(hashRefreshToken(a)).toBe(hashRefreshToken(a));
    expect(hashRefreshToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRefreshToken(a)).not.toBe(hashRefreshToken(b));
  });

  it('rejects strings that were never issued', () => {
    expect(isRefreshTokenShaped('')).toBe(false);
    expect(isRefreshTokenShaped('x'.repeat(44))).toBe(false);
    expect(isRefreshTokenShaped(`${'a'.repeat(42)}=`)).toBe(false);
  });
});
