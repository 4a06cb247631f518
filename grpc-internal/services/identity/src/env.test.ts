import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { envProblemsOf } from '@hospital/service-kit/testing';
import { loadConfig } from './env.ts';

const pem = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/hospital';

describe('identity env', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({ DATABASE_URL, JWT_PRIVATE_KEY: pem });
    expect(config).toMatchObject({
      port: 50051,
      host: '0.0.0.0',
      databaseUrl: DATABASE_URL,
      jwt: { keyId: 'hospital-1', issuer: 'hospital-identity', audience: 'hospital-api', accessTokenTtlSeconds: 900, refreshTokenTtlSeconds: 1_209_600 },
      loginThrottle: { freeFailures: 5, maxDelaySeconds: 900, addressLimit: 300, accountLimit: 50, windowSeconds: 900 },
      hashing: { maxWaitMs: 1000 },
      logLevel: 'info',
    });
  });

  it('accepts a PEM with escaped newlines', () => {
    const config = loadConfig({ DATABASE_URL, JWT_PRIVATE_KEY: pem.replace(/\n/g, '\\n'), IDENTITY_GRPC_PORT: '0' });
    expect(config.jwt.privateKeyPem).toBe(pem);
    expect(config.port).toBe(0);
  });

  it('lists every problem at once', () => {
    const problems = envProblemsOf(() => loadConfig({ JWT_PRIVATE_KEY: 'nope', ACCESS_TOKEN_TTL: '-1', JWT_KEY_ID: 'k'.repeat(129) }));
    expect(problems).toMatch(/DATABASE_URL/);
    expect(problems).toMatch(/JWT_PRIVATE_KEY/);
    expect(problems).toMatch(/ACCESS_TOKEN_TTL/);
    expect(problems).toMatch(/JWT_KEY_ID/);
  });
});
