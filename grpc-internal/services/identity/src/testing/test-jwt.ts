/** JWT settings of an identity service started by a test (`@hospital/identity-service/testing`). */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { IdentityServiceConfig } from '../identity-service.ts';

/**
 * The token settings every test identity service runs with: the issuer and audience the router
 * checks, 15-minute access and 1-hour refresh tokens, signed with `privateKey`.
 * @param privateKey - the signing key (a fresh P-256 key unless the test needs its public half)
 */
export function testJwtSettings(privateKey: KeyObject = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey): IdentityServiceConfig['jwt'] {
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    keyId: 'test-key',
    issuer: 'hospital-identity',
    audience: 'hospital-api',
    accessTokenTtlSeconds: 900,
    refreshTokenTtlSeconds: 3600,
  };
}
