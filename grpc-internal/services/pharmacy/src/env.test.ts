import { describe, expect, it } from 'vitest';
import { EnvError } from '@hospital/service-kit';
import { itChecksServiceEnv } from '@hospital/service-kit/testing';
import { loadConfig } from './env.ts';

describe('pharmacy env', () => {
  itChecksServiceEnv(loadConfig, { port: 50056, patientsTarget: '127.0.0.1:50052', grpcDeadlineMs: 5000 });

  it('reads every variable', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://db/hospital',
      PHARMACY_GRPC_PORT: '6000',
      PHARMACY_GRPC_HOST: '127.0.0.1',
      PATIENTS_GRPC_TARGET: 'patients:50052',
      GRPC_DEADLINE_MS: '1500',
      INTERNAL_SECRET: 'x'.repeat(32),
      LOG_LEVEL: 'warn',
    });
    expect(config).toEqual({
      port: 6000,
      host: '127.0.0.1',
      databaseUrl: 'postgres://db/hospital',
      internalSecret: 'x'.repeat(32),
      patientsTarget: 'patients:50052',
      grpcDeadlineMs: 1500,
      logLevel: 'warn',
    });
  });

  it('refuses a missing database, a short secret and a bad port, all at once', () => {
    expect(() => loadConfig({ INTERNAL_SECRET: 'short', PHARMACY_GRPC_PORT: '70000' })).toThrow(EnvError);
    try {
      loadConfig({ INTERNAL_SECRET: 'short', PHARMACY_GRPC_PORT: '70000' });
    } catch (error) {
      expect((error as EnvError).problems).toHaveLength(3);
    }
  });
});
