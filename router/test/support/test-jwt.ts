/**
 * Access tokens for routers the tests start themselves (in front of tiny subgraphs): a fresh
 * ES256 key pair, the router's `jwt` settings for it, and tokens signed as identity signs them.
 */
import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { RoleName } from '@hospital/service-kit';
import { InvalidTokenError } from '../../src/jwt.ts';

/** A fresh EC P-256 key pair in PEM (PKCS#8 private, SPKI public). */
export function es256KeyPair(): { privateKey: string; publicKey: string } {
  return generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
}

/** A key pair, the router's `jwt` settings that trust it, and signers. */
export interface TestJwt {
  keys: { privateKey: string; publicKey: string };
  /** The router's `jwt` config: the public key under `keyId`, identity's issuer and the API audience. */
  config: { publicKeyPem: string; keyId: string; issuer: string; audience: string };
  /** The router's `jwt` setting that trusts exactly this key (RouterConfig['jwt']). */
  routerJwt: { keys: Array<{ keyId: string; publicKeyPem: string }>; issuer: string; audience: string };
  /**
   * Signs these claims (ES256, the key id, issuer and audience; 300 s unless `options` say otherwise).
   * @param claims - the payload
   * @param options - further sign options (they win)
   */
  sign(claims: object, options?: jwt.SignOptions): string;
  /**
   * A user token of this role: `sub` user-<role>, email <role>@hospital.local.
   * @param role - the role
   * @param options - further sign options (expiresIn …)
   */
  tokenFor(role: RoleName, options?: jwt.SignOptions): string;
}

/**
 * A fresh key pair and signers for one test file's routers.
 * @param keyId - the `kid` the tokens carry and the router trusts
 */
export function testJwt(keyId = 'test-key'): TestJwt {
  const keys = es256KeyPair();
  const config = { publicKeyPem: keys.publicKey, keyId, issuer: 'hospital-identity', audience: 'hospital-api' };
  const sign = (claims: object, options: jwt.SignOptions = {}) =>
    jwt.sign(claims, keys.privateKey, { algorithm: 'ES256', keyid: keyId, issuer: config.issuer, audience: config.audience, expiresIn: 300, ...options });
  const routerJwt = { keys: [{ keyId, publicKeyPem: keys.publicKey }], issuer: config.issuer, audience: config.audience };
  return { keys, config, routerJwt, sign, tokenFor: (role, options) => sign({ sub: `user-${role}`, role, email: `${role}@hospital.local` }, options) };
}

/**
 * Why a verifier refuses this Authorization header (its InvalidTokenError's reason); fails when it accepts.
 * @param verify - an access-token or session verifier
 * @param authorization - the header value
 */
export function refusalReason(verify: (authorization: string) => unknown, authorization: string): string {
  try {
    verify(authorization);
  } catch (error) {
    if (error instanceof InvalidTokenError) return error.reason;
    throw error;
  }
  throw new Error('token was accepted');
}
