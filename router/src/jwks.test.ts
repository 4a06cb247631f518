import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseJwks, publicJwks } from './jwks.ts';
import { es256KeyPair } from '../test/support/test-jwt.ts';

const pair = es256KeyPair;
const current = pair();
const next = pair();
const publicJwk = (pem: string) => createPublicKey(pem).export({ format: 'jwk' });

describe('publicJwks', () => {
  it('publishes each key as an EC P-256 ES256 signing JWK under its kid, with no private part', () => {
    const jwks = publicJwks([
      { keyId: 'k1', publicKeyPem: current.publicKey },
      { keyId: 'k2', publicKeyPem: next.publicKey },
    ]);
    expect(jwks.keys).toEqual([
      { kty: 'EC', crv: 'P-256', ...pickXY(current.publicKey), kid: 'k1', alg: 'ES256', use: 'sig' },
      { kty: 'EC', crv: 'P-256', ...pickXY(next.publicKey), kid: 'k2', alg: 'ES256', use: 'sig' },
    ]);
    expect(JSON.stringify(jwks)).not.toMatch(/"d"/);
  });

  it('leaves the private part out even if a private PEM were configured', () => {
    const jwks = publicJwks([{ keyId: 'k1', publicKeyPem: current.privateKey }]);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    expect(jwks.keys[0]).toMatchObject(pickXY(current.publicKey));
  });
});

describe('parseJwks', () => {
  it('round-trips what publicJwks publishes', () => {
    const keys = [
      { keyId: 'k1', publicKeyPem: current.publicKey },
      { keyId: 'k2', publicKeyPem: next.publicKey },
    ];
    expect(parseJwks(JSON.stringify(publicJwks(keys)))).toEqual(keys);
  });

  const bad: Array<[string, unknown, RegExp]> = [
    ['not JSON', 'nope', /JSON Web Key Set/],
    ['no keys', { keys: [] }, /at least one key/],
    ['no kid', { keys: [publicJwk(current.publicKey)] }, /kid/],
    ['a private key', { keys: [{ ...createPrivateJwk(), kid: 'k' }] }, /private key/],
    ['an RSA key', { keys: [{ kty: 'RSA', n: 'AQAB', e: 'AQAB', kid: 'k' }] }, /EC P-256/],
    ['another algorithm', { keys: [{ ...publicJwk(current.publicKey), kid: 'k', alg: 'HS256' }] }, /ES256/],
    ['an encryption key', { keys: [{ ...publicJwk(current.publicKey), kid: 'k', use: 'enc' }] }, /sig/],
    ['a point off the curve', { keys: [{ ...publicJwk(current.publicKey), kid: 'k', y: publicJwk(next.publicKey).y }] }, /P-256/],
    [
      'a repeated kid',
      {
        keys: [
          { ...publicJwk(current.publicKey), kid: 'k' },
          { ...publicJwk(next.publicKey), kid: 'k' },
        ],
      },
      /twice/,
    ],
  ];
  it.each(bad)('refuses %s', (_name, document, message) => {
    expect(() => parseJwks(typeof document === 'string' ? document : JSON.stringify(document))).toThrow(message);
  });
});

function pickXY(pem: string): { x: string; y: string } {
  const { x, y } = publicJwk(pem);
  return { x: x as string, y: y as string };
}

function createPrivateJwk(): Record<string, unknown> {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' });
}
