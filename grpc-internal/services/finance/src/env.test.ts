import { describe, expect, it } from 'vitest';
import { EnvError } from '@hospital/service-kit';
import { loadConfig } from './env.ts';

describe('finance env', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/hospital' })).toMatchObject({
      port: 50055,
      host: '0.0.0.0',
      patientsTarget: '127.0.0.1:50052',
      grpcDeadlineMs: 5000,
      logLevel: 'info',
    });
  });

  it('reads the patients target and refuses a missing database or a short secret', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/h', PATIENTS_GRPC_TARGET: 'patients:50052' }).patientsTarget).toBe('patients:50052');
    expect(() => loadConfig({ INTERNAL_SECRET: 'short' })).toThrow(EnvError);
  });
});
