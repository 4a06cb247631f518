/**
 * The router's set of access-token verification keys as a JSON Web Key Set (RFC 7517): read from
 * JWT_PUBLIC_KEYS, and published at `/.well-known/jwks.json` so third parties can verify tokens.
 */
import { createPublicKey, type JsonWebKey, type KeyObject } from 'node:crypto';
import { Router } from 'express';

/** One public key the router accepts, named by the `kid` header of the tokens it verifies. */
export interface VerificationKey {
  /** The `kid` that selects this key. */
  keyId: string;
  /** PEM (SPKI) of an EC P-256 public key. */
  publicKeyPem: string;
}

/** A public verification key as published: only the fields a verifier needs, never `d`. */
export interface PublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  kid: string;
  alg: 'ES256';
  use: 'sig';
}

/** The only algorithm any key is used with; an EC P-256 key implies it. */
export const KEY_ALGORITHM = 'ES256';

/** How long verifiers may cache the set; rotation waits at least this long before signing with a new key. */
export const JWKS_MAX_AGE_SECONDS = 300;

/**
 * Loads a key and checks it is an EC P-256 public key, the only kind ES256 uses.
 * @param key - PEM or JWK
 */
export function loadEcPublicKey(key: string | { key: JsonWebKey; format: 'jwk' }): KeyObject {
  const loaded = createPublicKey(key);
  if (loaded.asymmetricKeyType !== 'ec' || loaded.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error('JWT public key must be an EC P-256 key (ES256)');
  }
  return loaded;
}

/**
 * Loads a key set, refusing an empty set, a blank or repeated `kid`, or a key that is not P-256.
 * @param keys - the configured keys
 */
export function loadVerificationKeys(keys: readonly VerificationKey[]): ReadonlyMap<string, KeyObject> {
  if (keys.length === 0) throw new Error('at least one JWT verification key is required');
  const loaded = new Map<string, KeyObject>();
  for (const { keyId, publicKeyPem } of keys) {
    if (keyId === '') throw new Error('a JWT verification key has an empty kid');
    if (loaded.has(keyId)) throw new Error(`JWT key id "${keyId}" appears twice`);
    loaded.set(keyId, loadEcPublicKey(publicKeyPem));
  }
  return loaded;
}

/**
 * Parses a JWKS document (`{"keys":[{kty,crv,x,y,kid},…]}`) into verification keys. Every key must
 * be EC P-256 with a `kid`; `alg` and `use`, when present, must be ES256 and sig; a private key
 * (`d`) is refused, since the router must never hold signing material.
 * @param text - the JSON text
 */
export function parseJwks(text: string): VerificationKey[] {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new Error('must be a JSON Web Key Set: {"keys":[…]}');
  }
  const keys = (document as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0) throw new Error('must be a JSON Web Key Set with at least one key: {"keys":[…]}');
  const parsed = keys.map((entry: unknown, index): VerificationKey => {
    const jwk = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
    const problem = (message: string) => new Error(`keys[${index}]: ${message}`);
    if (typeof jwk['kid'] !== 'string' || jwk['kid'] === '') throw problem('needs a kid');
    if ('d' in jwk) throw problem('is a private key; give the public part only');
    if (jwk['kty'] !== 'EC' || jwk['crv'] !== 'P-256') throw problem('must be an EC P-256 key (kty EC, crv P-256)');
    if (jwk['alg'] !== undefined && jwk['alg'] !== KEY_ALGORITHM) throw problem('alg must be ES256');
    if (jwk['use'] !== undefined && jwk['use'] !== 'sig') throw problem('use must be sig');
    try {
      const key = loadEcPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk['x'], y: jwk['y'] } as JsonWebKey, format: 'jwk' });
      return { keyId: jwk['kid'], publicKeyPem: key.export({ type: 'spki', format: 'pem' }).toString() };
    } catch {
      throw problem('x and y are not a point on P-256');
    }
  });
  loadVerificationKeys(parsed);
  return parsed;
}

/**
 * The public JWKS of a key set. Only x and y are copied out of each key, so private material
 * cannot leak even if it were ever configured.
 * @param keys - the configured keys
 */
export function publicJwks(keys: readonly VerificationKey[]): { keys: PublicJwk[] } {
  return {
    keys: [...loadVerificationKeys(keys)].map(([kid, key]) => {
      const { x, y } = key.export({ format: 'jwk' });
      if (typeof x !== 'string' || typeof y !== 'string') throw new Error(`key ${kid} has no EC coordinates`);
      return { kty: 'EC', crv: 'P-256', x, y, kid, alg: KEY_ALGORITHM, use: 'sig' };
    }),
  };
}

/**
 * `GET /.well-known/jwks.json`: the verification keys, cacheable for {@link JWKS_MAX_AGE_SECONDS}.
 * @param keys - the configured keys
 */
export function jwksRoute(keys: readonly VerificationKey[]): Router {
  // Built once: the set only changes with a restart, and a bad key fails startup, not a request.
  const body = JSON.stringify(publicJwks(keys));
  const router = Router();
  router.get('/.well-known/jwks.json', (_req, res) => {
    res.set('cache-control', `public, max-age=${JWKS_MAX_AGE_SECONDS}`);
    res.type('application/jwk-set+json').send(body);
  });
  return router;
}
