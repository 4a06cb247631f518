/**
 * ROUTER_EXPLORER: the explorer is on outside production and off in production unless turned on.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EnvError } from '@hospital/service-kit';
import { loadConfig } from '../env.ts';

const JWT_PUBLIC_KEY = generateKeyPairSync('ec', {
  namedCurve: 'P-256',
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
}).publicKey;
const production = { JWT_PUBLIC_KEY, NODE_ENV: 'production', INTERNAL_SECRET: randomBytes(32).toString('base64url') };

describe('ROUTER_EXPLORER', () => {
  it('defaults to on in development and off in production', () => {
    expect(loadConfig({ JWT_PUBLIC_KEY }).router.explorer).toBe(true);
    expect(loadConfig(production).router.explorer).toBe(false);
  });

  it('is set either way by true or false', () => {
    expect(loadConfig({ ...production, ROUTER_EXPLORER: 'true' }).router.explorer).toBe(true);
    expect(loadConfig({ JWT_PUBLIC_KEY, ROUTER_EXPLORER: 'false' }).router.explorer).toBe(false);
  });

  it('refuses anything else', () => {
    expect(() => loadConfig({ JWT_PUBLIC_KEY, ROUTER_EXPLORER: 'yes' })).toThrow(EnvError);
  });
});
