import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EnvError } from '@hospital/service-kit';
import { envProblemsOf } from '@hospital/service-kit/testing';
import { DEFAULT_PERSISTED_MANIFEST_PATH, DEFAULT_SUPERGRAPH_PATH, loadConfig } from './env.ts';

const ecPublicPem = () =>
  generateKeyPairSync('ec', { namedCurve: 'P-256', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } }).publicKey;
const publicKey = ecPublicPem();
const other = ecPublicPem();
const jwkOf = (pem: string) => createPublicKey(pem).export({ format: 'jwk' });

describe('loadConfig', () => {
  it('applies defaults and accepts a \\n-escaped PEM', () => {
    const config = loadConfig({ JWT_PUBLIC_KEY: publicKey.replace(/\n/g, '\\n') });
    expect(config.router).toMatchObject({
      port: 4000,
      host: '0.0.0.0',
      subgraphUrls: {},
      production: false,
      bodyLimitBytes: 1024 * 1024,
      jwt: { keys: [{ keyId: 'hospital-1', publicKeyPem: publicKey }], issuer: 'hospital-identity', audience: 'hospital-api' },
    });
    expect(config.supergraphPath).toBe(DEFAULT_SUPERGRAPH_PATH);
  });

  it('polls the identity service for token revocations, every 2 s on 127.0.0.1:50051 by default', () => {
    expect(loadConfig({ JWT_PUBLIC_KEY: publicKey }).router.tokenRevocation).toEqual({ identityGrpcTarget: '127.0.0.1:50051', pollIntervalMs: 2000 });
    const set = loadConfig({ JWT_PUBLIC_KEY: publicKey, IDENTITY_GRPC_TARGET: 'identity:50051', ROUTER_REVOCATION_POLL_MS: '5000' });
    expect(set.router.tokenRevocation).toEqual({ identityGrpcTarget: 'identity:50051', pollIntervalMs: 5000 });
    expect(() => loadConfig({ JWT_PUBLIC_KEY: publicKey, ROUTER_REVOCATION_POLL_MS: '0' })).toThrow(EnvError);
  });

  it('reads ROUTER_METRICS_PORT here (unset or 0: not served) and names it when it is not a port', () => {
    expect(loadConfig({ JWT_PUBLIC_KEY: publicKey }).metricsPort).toBeUndefined();
    expect(loadConfig({ JWT_PUBLIC_KEY: publicKey, ROUTER_METRICS_PORT: '0' }).metricsPort).toBeUndefined();
    expect(loadConfig({ JWT_PUBLIC_KEY: publicKey, ROUTER_METRICS_PORT: '9464' }).metricsPort).toBe(9464);
    for (const bad of ['abc', '70000', '-1', '9464.5']) {
      expect(() => loadConfig({ JWT_PUBLIC_KEY: publicKey, ROUTER_METRICS_PORT: bad })).toThrow(/^\s*ROUTER_METRICS_PORT: /m);
    }
  });

  it('reads subgraph URL overrides by name', () => {
    const config = loadConfig({ JWT_PUBLIC_KEY: publicKey, SUBGRAPH_IDENTITY_URL: 'http://identity:4001/graphql', NODE_ENV: 'production', INTERNAL_SECRET: 'x'.repeat(40) });
    expect(config.router.subgraphUrls).toEqual({ identity: 'http://identity:4001/graphql' });
    expect(config.router.production).toBe(true);
  });

  it('reports every problem at once', () => {
    const problems = envProblemsOf(() => loadConfig({ ROUTER_PORT: 'abc', SUBGRAPH_PATIENTS_URL: 'not a url', NODE_ENV: 'production' }));
    expect(problems).toMatch(/ROUTER_PORT/);
    expect(problems).toMatch(/JWT_PUBLIC_KEY/);
    expect(problems).toMatch(/SUBGRAPH_PATIENTS_URL/);
  });

  it('reads a JWKS in JWT_PUBLIC_KEYS, alone or beside JWT_PUBLIC_KEY', () => {
    const jwks = JSON.stringify({
      keys: [
        { ...jwkOf(publicKey), kid: 'k2', alg: 'ES256', use: 'sig' },
        { ...jwkOf(other), kid: 'k3' },
      ],
    });
    const alone = loadConfig({ JWT_PUBLIC_KEYS: jwks }).router.jwt.keys;
    expect(alone).toEqual([
      { keyId: 'k2', publicKeyPem: publicKey },
      { keyId: 'k3', publicKeyPem: other },
    ]);
    const both = loadConfig({ JWT_PUBLIC_KEYS: jwks, JWT_PUBLIC_KEY: publicKey, JWT_KEY_ID: 'k1' }).router.jwt.keys;
    expect(both.map((k) => k.keyId)).toEqual(['k2', 'k3', 'k1']);
  });

  it('refuses a JWT_KEY_ID that JWT_PUBLIC_KEYS also names, and a bad JWKS', () => {
    const jwks = JSON.stringify({ keys: [{ ...jwkOf(publicKey), kid: 'hospital-1' }] });
    expect(() => loadConfig({ JWT_PUBLIC_KEYS: jwks, JWT_PUBLIC_KEY: other })).toThrow(/JWT_KEY_ID/);
    expect(() => loadConfig({ JWT_PUBLIC_KEYS: '{"keys":[]}' })).toThrow(/JWT_PUBLIC_KEYS/);
    expect(() => loadConfig({ JWT_PUBLIC_KEYS: 'not json', ROUTER_PORT: 'x' })).toThrow(/JWT_PUBLIC_KEYS[\s\S]*ROUTER_PORT|ROUTER_PORT[\s\S]*JWT_PUBLIC_KEYS/);
  });

  it('enforces persisted operations for browsers in production and allows them in development, unless set', () => {
    const prod = { JWT_PUBLIC_KEY: publicKey, NODE_ENV: 'production', INTERNAL_SECRET: 'x'.repeat(40) };
    expect(loadConfig(prod).persistedOperations).toEqual({ mode: 'enforce-browser', manifestPath: DEFAULT_PERSISTED_MANIFEST_PATH });
    expect(loadConfig({ JWT_PUBLIC_KEY: publicKey }).persistedOperations.mode).toBe('allow');
    const set = loadConfig({ ...prod, ROUTER_PERSISTED_OPERATIONS: 'off', ROUTER_PERSISTED_OPERATIONS_MANIFEST: '/etc/router/pq.json' });
    expect(set.persistedOperations).toEqual({ mode: 'off', manifestPath: '/etc/router/pq.json' });
    expect(() => loadConfig({ JWT_PUBLIC_KEY: publicKey, ROUTER_PERSISTED_OPERATIONS: 'enforce' })).toThrow(/ROUTER_PERSISTED_OPERATIONS/);
  });

  it('reads the abuse limits, with defaults that leave the dashboards alone', () => {
    const defaults = loadConfig({ JWT_PUBLIC_KEY: publicKey });
    expect(defaults.router).toMatchObject({
      maxOperationCost: 5_000,
      rateLimits: { perUser: 1_200, perIp: 6_000, wsConnects: 120, windowSeconds: 60 },
      trustProxy: false,
    });
    expect(defaults.redisUrl).toBeUndefined();
    const set = loadConfig({
      JWT_PUBLIC_KEY: publicKey,
      ROUTER_MAX_OPERATION_COST: '800',
      ROUTER_RATE_LIMIT_PER_USER: '30',
      ROUTER_RATE_LIMIT_PER_IP: '0',
      ROUTER_RATE_LIMIT_WS_CONNECTS: '5',
      ROUTER_RATE_LIMIT_WINDOW_SECONDS: '10',
      ROUTER_TRUST_PROXY: 'loopback,10.0.0.0/8',
      REDIS_URL: 'redis://cache:6379/0',
    });
    expect(set.router).toMatchObject({
      maxOperationCost: 800,
      rateLimits: { perUser: 30, perIp: 0, wsConnects: 5, windowSeconds: 10 },
      trustProxy: ['loopback', '10.0.0.0/8'],
    });
    expect(set.redisUrl).toBe('redis://cache:6379/0');
    expect(loadConfig({ JWT_PUBLIC_KEY: publicKey, ROUTER_TRUST_PROXY: '1' }).router.trustProxy).toBe(1);
  });

  it('reports every bad abuse-limit variable at once', () => {
    const problems = envProblemsOf(() =>
      loadConfig({
        JWT_PUBLIC_KEY: publicKey,
        ROUTER_MAX_OPERATION_COST: '0',
        ROUTER_RATE_LIMIT_PER_USER: '-1',
        ROUTER_RATE_LIMIT_WINDOW_SECONDS: 'soon',
        ROUTER_TRUST_PROXY: '10.0.0.0/99',
        REDIS_URL: 'http://cache:6379',
      }),
    );
    for (const name of ['ROUTER_MAX_OPERATION_COST', 'ROUTER_RATE_LIMIT_PER_USER', 'ROUTER_RATE_LIMIT_WINDOW_SECONDS', 'ROUTER_TRUST_PROXY', 'REDIS_URL']) {
      expect(problems).toContain(name);
    }
  });

  it('refuses the development internal secret in production', () => {
    expect(() => loadConfig({ JWT_PUBLIC_KEY: publicKey, NODE_ENV: 'production' })).toThrow(/INTERNAL_SECRET/);
  });

  it('reads the proxy secret and the slow-client limits, with defaults', () => {
    const plain = loadConfig({ JWT_PUBLIC_KEY: publicKey });
    expect(plain.router.proxySecret).toBeUndefined();
    expect(plain.router.httpLimits).toEqual({ headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, maxConnectionsPerAddress: 50 });
    const set = loadConfig({ JWT_PUBLIC_KEY: publicKey, ROUTER_PROXY_SECRET: 'p'.repeat(40), ROUTER_HEADERS_TIMEOUT_MS: '2000', ROUTER_MAX_CONNECTIONS_PER_ADDRESS: '10' });
    expect(set.router.proxySecret).toBe('p'.repeat(40));
    expect(set.router.httpLimits).toMatchObject({ headersTimeoutMs: 2000, maxConnectionsPerAddress: 10 });
    expect(() => loadConfig({ JWT_PUBLIC_KEY: publicKey, ROUTER_PROXY_SECRET: 'short' })).toThrow(/ROUTER_PROXY_SECRET/);
  });
});
