import { describe, expect, it } from 'vitest';
import { itChecksServiceEnv } from '@hospital/service-kit/testing';
import { loadConfig } from './env.ts';

describe('finance env', () => {
  itChecksServiceEnv(loadConfig, { port: 50055, patientsTarget: '127.0.0.1:50052', grpcDeadlineMs: 5000 });

  it('reads the patients target', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/h', PATIENTS_GRPC_TARGET: 'patients:50052' }).patientsTarget).toBe('patients:50052');
  });
});
