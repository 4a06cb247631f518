import { describe, expect, it } from 'vitest';
import { EnvError } from '@hospital/service-kit';
import { loadConfig } from './env.ts';

describe('pharmacy subgraph env', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({ port: 4006, host: '127.0.0.1', pharmacyTarget: '127.0.0.1:50056', grpcDeadlineMs: 5000, production: false, logLevel: 'info' });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PHARMACY_SUBGRAPH_PORT: '5006',
      PHARMACY_SUBGRAPH_HOST: '0.0.0.0',
      PHARMACY_GRPC_TARGET: 'pharmacy:50056',
      GRPC_DEADLINE_MS: '900',
      INTERNAL_SECRET: 's'.repeat(40),
      NODE_ENV: 'production',
      LOG_LEVEL: 'debug',
    });
    expect(config).toEqual({
      port: 5006,
      host: '0.0.0.0',
      pharmacyTarget: 'pharmacy:50056',
      grpcDeadlineMs: 900,
      internalSecret: 's'.repeat(40),
      production: true,
      logLevel: 'debug',
    });
  });

  it('refuses the public dev secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(EnvError);
  });
});
