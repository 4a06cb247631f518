import { createHmac, generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { createAccessTokenVerifier, createSessionVerifier, InvalidTokenError } from './jwt.ts';
import { TokenRevocationList } from './revocation/revocation-list.ts';
import { es256KeyPair, refusalReason } from '../test/support/test-jwt.ts';

const ecPair = es256KeyPair;
const es256 = ecPair();
const otherEs256 = ecPair();
const rs256 = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

const config = { keys: [{ keyId: 'hospital-1', publicKeyPem: es256.publicKey }], issuer: 'hospital-identity', audience: 'hospital-api' };
const verify = createAccessTokenVerifier(config);
const claims = { sub: 'user-1', role: 'doctor', email: 'doc@hospital.local' };
const signOptions = { algorithm: 'ES256', keyid: 'hospital-1', issuer: config.issuer, audience: config.audience } as const;
const inFifteenMinutes = () => Math.floor(Date.now() / 1000) + 900;

/** Signs with the trusted key by default; `exp` is added unless the payload sets it or `null` asks for none. */
const sign = (payload: object = claims, options: jwt.SignOptions = {}, key: jwt.Secret = es256.privateKey, exp: number | null = inFifteenMinutes()) =>
  jwt.sign({ ...(exp === null ? {} : { exp }), ...payload }, key, { ...signOptions, ...options });

const reason = (authorization: string): string => refusalReason(verify, authorization);

describe('access token verification', () => {
  it('treats a missing Authorization header as anonymous', () => {
    expect(verify(undefined)).toEqual({ kind: 'anonymous' });
    expect(verify('')).toEqual({ kind: 'anonymous' });
  });

  it('accepts a valid ES256 token and returns the caller', () => {
    expect(verify(`Bearer ${sign()}`)).toEqual({ kind: 'user', userId: 'user-1', role: 'doctor', email: 'doc@hospital.local' });
  });

  it('tolerates a few seconds of clock skew, no more', () => {
    const now = Math.floor(Date.now() / 1000);
    const justExpired = sign({ ...claims, exp: now - 2 });
    expect(verify(`Bearer ${justExpired}`).kind).toBe('user');
    const expired = sign({ ...claims, exp: now - 60 });
    expect(reason(`Bearer ${expired}`)).toMatch(/TokenExpiredError/);
  });

  const rejected: Array<[string, () => string]> = [
    ['alg none', () => `Bearer ${jwt.sign({ ...claims, exp: inFifteenMinutes() }, null, { ...signOptions, algorithm: 'none' })}`],
    ['HS256 signed with the public key (algorithm confusion)', () => `Bearer ${hs256WithPublicKey()}`],
    ['RS256 from another key pair', () => `Bearer ${sign(claims, { algorithm: 'RS256' }, rs256.privateKey)}`],
    ['ES256 from a foreign key', () => `Bearer ${sign(claims, {}, otherEs256.privateKey)}`],
    ['wrong kid', () => `Bearer ${sign(claims, { keyid: 'other-key' })}`],
    ['no kid', () => `Bearer ${jwt.sign({ ...claims, exp: inFifteenMinutes() }, es256.privateKey, { algorithm: 'ES256', issuer: config.issuer, audience: config.audience })}`],
    ['wrong issuer', () => `Bearer ${sign(claims, { issuer: 'someone-else' })}`],
    ['wrong audience', () => `Bearer ${sign(claims, { audience: 'another-api' })}`],
    ['no exp', () => `Bearer ${sign(claims, {}, es256.privateKey, null)}`],
    ['no iat (cannot be matched against revocations)', () => `Bearer ${sign(claims, { noTimestamp: true })}`],
    ['unknown role', () => `Bearer ${sign({ ...claims, role: 'nurse' })}`],
    ['missing sub', () => `Bearer ${sign({ role: 'admin', email: 'a@b.c' })}`],
    ['tampered payload', () => `Bearer ${tamper(sign())}`],
    ['malformed token', () => 'Bearer not-a-jwt'],
    ['Basic scheme', () => 'Basic dXNlcjpwYXNz'],
    ['bare token without scheme', () => sign()],
  ];
  it.each(rejected)('rejects %s', (_name, header) => {
    expect(() => verify(header())).toThrow(InvalidTokenError);
  });

  it('refuses to start with a key that is not EC P-256', () => {
    expect(() => createAccessTokenVerifier({ ...config, keys: [{ keyId: 'hospital-1', publicKeyPem: rs256.publicKey }] })).toThrow(/P-256/);
  });

  it('refuses to start with no key, a repeated kid or an empty kid', () => {
    expect(() => createAccessTokenVerifier({ ...config, keys: [] })).toThrow(/at least one/);
    const twice = [
      { keyId: 'k', publicKeyPem: es256.publicKey },
      { keyId: 'k', publicKeyPem: otherEs256.publicKey },
    ];
    expect(() => createAccessTokenVerifier({ ...config, keys: twice })).toThrow(/twice/);
    expect(() => createAccessTokenVerifier({ ...config, keys: [{ keyId: '', publicKeyPem: es256.publicKey }] })).toThrow(/empty kid/);
  });
});

describe('a key set during rotation', () => {
  const rotating = createAccessTokenVerifier({
    ...config,
    keys: [
      { keyId: 'hospital-1', publicKeyPem: es256.publicKey },
      { keyId: 'hospital-2', publicKeyPem: otherEs256.publicKey },
    ],
  });

  it('accepts tokens of either key, each under its own kid', () => {
    expect(rotating(`Bearer ${sign()}`).kind).toBe('user');
    expect(rotating(`Bearer ${sign(claims, { keyid: 'hospital-2' }, otherEs256.privateKey)}`).kind).toBe('user');
  });

  it('refuses a token signed by one key but naming the other kid', () => {
    expect(() => rotating(`Bearer ${sign(claims, { keyid: 'hospital-2' })}`)).toThrow(InvalidTokenError);
    expect(() => rotating(`Bearer ${sign(claims, { keyid: 'hospital-1' }, otherEs256.privateKey)}`)).toThrow(InvalidTokenError);
  });

  it('refuses a kid that only looks like a key of the set', () => {
    for (const keyid of ['__proto__', 'constructor', 'hospital-3', 'HOSPITAL-1']) {
      expect(() => rotating(`Bearer ${sign(claims, { keyid })}`)).toThrow(InvalidTokenError);
    }
  });

  it('refuses HS256 keyed with the other public key', () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const body = `${encode({ alg: 'HS256', typ: 'JWT', kid: 'hospital-2' })}.${encode({ ...claims, iss: config.issuer, aud: config.audience, exp: now + 900 })}`;
    const token = `${body}.${createHmac('sha256', otherEs256.publicKey).update(body).digest('base64url')}`;
    expect(() => rotating(`Bearer ${token}`)).toThrow(InvalidTokenError);
  });
});

/** Hand-built, because jsonwebtoken itself refuses to HMAC with a PEM public key. */
function hs256WithPublicKey(): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${encode({ alg: 'HS256', typ: 'JWT', kid: 'hospital-1' })}.${encode({ ...claims, iss: config.issuer, aud: config.audience, iat: now, exp: now + 900 })}`;
  return `${body}.${createHmac('sha256', es256.publicKey).update(body).digest('base64url')}`;
}

/** Swaps the role in the payload while keeping the original signature. */
function tamper(token: string): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
  return `${header}.${Buffer.from(JSON.stringify({ ...decoded, role: 'admin' })).toString('base64url')}.${signature}`;
}

describe('revoked tokens', () => {
  const list = new TokenRevocationList();
  const revoking = createSessionVerifier(config, (userId, iat) => list.isRevoked(userId, iat));
  const issuedAt = Math.floor(Date.now() / 1000) - 60;
  const token = `Bearer ${sign({ ...claims, iat: issuedAt })}`;

  it('passes until the user is revoked, then refuses tokens issued at or before the revocation only', () => {
    expect(revoking(token)).toMatchObject({ caller: { userId: 'user-1' }, issuedAtSeconds: issuedAt });
    list.apply([{ userId: 'user-1', validAfterMs: (issuedAt + 1) * 1000 }]);
    expect(() => revoking(token)).toThrow(InvalidTokenError);
    expect(() => revoking(token)).toThrow(expect.objectContaining({ reason: expect.stringMatching(/revoked/) }));
    const fresh = `Bearer ${sign({ ...claims, iat: issuedAt + 2 })}`;
    expect(revoking(fresh).caller).toMatchObject({ kind: 'user', userId: 'user-1' });
    // Another user's tokens are untouched, and so is a verifier without the list.
    expect(revoking(`Bearer ${sign({ ...claims, sub: 'user-2', iat: issuedAt })}`).caller).toMatchObject({ userId: 'user-2' });
    expect(verify(token)).toMatchObject({ userId: 'user-1' });
  });
});

describe('ended sessions', () => {
  const list = new TokenRevocationList();
  const revoking = createSessionVerifier(config, (userId, iat, sid) => list.isRevoked(userId, iat, sid));
  const issuedAt = Math.floor(Date.now() / 1000) - 60;

  it('refuses every token of an ended session, whatever its iat, and no other session of the user', () => {
    const ended = `Bearer ${sign({ ...claims, sid: 'session-1', iat: issuedAt })}`;
    const other = `Bearer ${sign({ ...claims, sid: 'session-2', iat: issuedAt })}`;
    expect(revoking(ended)).toMatchObject({ sessionId: 'session-1' });
    list.apply([{ userId: 'user-1', validAfterMs: (issuedAt - 30) * 1000, sessionId: 'session-1' }]);
    expect(() => revoking(ended)).toThrow(expect.objectContaining({ reason: expect.stringMatching(/session ended/) }));
    expect(() => revoking(`Bearer ${sign({ ...claims, sid: 'session-1', iat: issuedAt + 30 })}`)).toThrow(InvalidTokenError);
    expect(revoking(other)).toMatchObject({ caller: { userId: 'user-1' }, sessionId: 'session-2' });
  });

  it('refuses a sid that is not a string', () => {
    expect(() => revoking(`Bearer ${sign({ ...claims, sid: 42, iat: issuedAt })}`)).toThrow(InvalidTokenError);
  });
});
