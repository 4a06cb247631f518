import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EnvError } from '@hospital/service-kit';
import { DEFAULT_SUPERGRAPH_PATH, loadConfig } from './env.ts';

const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });

describe('loadConfig', () => {
  it('applies defaults and accepts a \\n-escaped PEM', () => {
    const config = loadConfig({ JWT_PUBLIC_KEY: publicKey.replace(/\n/g, '\\n') });
    expect(config.router).toMatchObject({
      port: 4000,
      host: '0.0.0.0',
      subgraphUrls: {},
      production: false,
      bodyLimitBytes: 1024 * 1024,
      jwt: { publicKeyPem: publicKey, keyId: 'hospital-1', issuer: 'hospital-identity', audience: 'hospital-api' },
    });
    expect(config.supergraphPath).toBe(DEFAULT_SUPERGRAPH_PATH);
  });

  it('reads subgraph URL overrides by name', () => {
    const config = loadConfig({ JWT_PUBLIC_KEY: publicKey, SUBGRAPH_IDENTITY_URL: 'http://identity:4001/graphql', NODE_ENV: 'production', INTERNAL_SECRET: 'x'.repeat(40) });
    expect(config.router.subgraphUrls).toEqual({ identity: 'http://identity:4001/graphql' });
    expect(config.router.production).toBe(true);
  });

  it('reports every problem at once', () => {
    try {
      loadConfig({ ROUTER_PORT: 'abc', SUBGRAPH_PATIENTS_URL: 'not a url', NODE_ENV: 'production' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const problems = (error as EnvError).problems.join('\n');
      expect(problems).toMatch(/ROUTER_PORT/);
      expect(problems).toMatch(/JWT_PUBLIC_KEY/);
      expect(problems).toMatch(/SUBGRAPH_PATIENTS_URL/);
    }
  });

  it('refuses the development internal secret in production', () => {
    expect(() => loadConfig({ JWT_PUBLIC_KEY: publicKey, NODE_ENV: 'production' })).toThrow(/INTERNAL_SECRET/);
  });
});
