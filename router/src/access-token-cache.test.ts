import jwt from 'jsonwebtoken';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cachedSessionVerifier } from './access-token-cache.ts';
import { createSessionVerifier, InvalidTokenError } from './jwt.ts';
import { es256KeyPair } from '../test/support/test-jwt.ts';

const keys = es256KeyPair();
const config = { keys: [{ keyId: 'k1', publicKeyPem: keys.publicKey }], issuer: 'hospital-identity', audience: 'hospital-api' };
const bearer = (claims: Record<string, unknown> = {}, expiresIn = 300) =>
  `Bearer ${jwt.sign({ sub: 'u-1', role: 'doctor', email: 'd@h.local', sid: 's-1', ...claims }, keys.privateKey, { algorithm: 'ES256', keyid: 'k1', issuer: config.issuer, audience: config.audience, expiresIn })}`;

function counted() {
  const inner = createSessionVerifier(config);
  const calls = { count: 0 };
  return { calls, verify: (authorization: string | undefined) => (calls.count++, inner(authorization)) };
}

afterEach(() => {
  vi.useRealTimers();
});

const reasonOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof InvalidTokenError ? error.reason : 'not an InvalidTokenError';
  }
  return 'accepted';
};

describe('cachedSessionVerifier', () => {
  it('checks a token signature once, then answers from the cache', () => {
    const { calls, verify } = counted();
    const cached = cachedSessionVerifier(verify);
    const token = bearer();
    expect(cached(token).caller).toEqual({ kind: 'user', userId: 'u-1', role: 'doctor', email: 'd@h.local' });
    expect(cached(token).caller).toMatchObject({ userId: 'u-1' });
    expect(calls.count).toBe(1);
    expect(cached(undefined).caller).toEqual({ kind: 'anonymous' });
  });

  it('verifies an altered or different token afresh and keeps no refusal', () => {
    const { calls, verify } = counted();
    const cached = cachedSessionVerifier(verify);
    const token = bearer();
    cached(token);
    const [header, payload, signature] = token.slice('Bearer '.length).split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...(JSON.parse(Buffer.from(payload!, 'base64url').toString()) as object), role: 'admin' })).toString('base64url');
    for (let i = 0; i < 2; i++) expect(() => cached(`Bearer ${header}.${forgedPayload}.${signature}`)).toThrow(InvalidTokenError);
    expect(calls.count).toBe(3);
    expect(cached.size).toBe(1);
  });

  it('refuses a kept token once it is revoked, and once it has expired', () => {
    let revoked = false;
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-06T12:00:00Z'));
    const cached = cachedSessionVerifier(createSessionVerifier(config), { isRevoked: (userId, _iat, sid) => revoked && userId === 'u-1' && sid === 's-1' });
    const token = bearer({}, 60);
    expect(cached(token).caller.kind).toBe('user');
    revoked = true;
    expect(reasonOf(() => cached(token))).toMatch(/revoked/);
    revoked = false;
    expect(cached(token).caller.kind).toBe('user');
    vi.setSystemTime(new Date('2026-12-06T12:01:04Z'));
    expect(cached(token).caller.kind).toBe('user');
    // Past exp plus the 5 s tolerance: the kept entry is dropped and the real verifier refuses it.
    vi.setSystemTime(new Date('2026-12-06T12:01:06Z'));
    expect(reasonOf(() => cached(token))).toMatch(/TokenExpiredError/);
    expect(cached.size).toBe(0);
  });

  it("refuses a user app token, kept or fresh, once the app is revoked (the router's path: the cache holds the revocation check)", () => {
    let revokedApp = '';
    const cached = cachedSessionVerifier(createSessionVerifier(config), { isRevoked: (subject) => subject === revokedApp });
    const userApp = bearer({ client_id: 'app-1', app_name: 'Bedside', scope: 'user/Patient.rs' });
    expect(cached(userApp).caller).toMatchObject({ kind: 'user', userId: 'u-1', app: { clientId: 'app-1' } });
    revokedApp = 'app-1';
    expect(reasonOf(() => cached(userApp))).toMatch(/revoked/);
    expect(reasonOf(() => cached(bearer({ client_id: 'app-1', app_name: 'Bedside', scope: 'user/Patient.r' })))).toMatch(/revoked/);
    expect(cached(bearer()).caller.kind).toBe('user');
  });

  it('keeps one entry per token, however its header is padded, and refuses what the verifier refuses', () => {
    const { calls, verify } = counted();
    const cached = cachedSessionVerifier(verify);
    const token = bearer();
    cached(token);
    for (let n = 1; n <= 50; n++) expect(cached(`${token}${' '.repeat(n)}`).caller).toMatchObject({ userId: 'u-1' });
    expect(cached(`\t${token}\t`).caller).toMatchObject({ userId: 'u-1' });
    expect(calls.count).toBe(1);
    expect(cached.size).toBe(1);
    // Unicode spaces are not HTTP whitespace: refused by the cache and the verifier alike, never kept.
    expect(reasonOf(() => cached(`${token}\u00a0`))).toBe('authorization header is not "Bearer <jwt>"');
    expect(reasonOf(() => createSessionVerifier(config)(`${token}\u00a0`))).toBe('authorization header is not "Bearer <jwt>"');
    expect(cached.size).toBe(1);
  });
});
