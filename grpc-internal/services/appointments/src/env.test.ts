import { describe, expect, it } from 'vitest';
import { EnvError } from '@hospital/service-kit';
import { loadConfig } from './env.ts';

describe('appointments env', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/hospital' })).toMatchObject({
      port: 50053,
      host: '0.0.0.0',
      identityTarget: '127.0.0.1:50051',
      patientsTarget: '127.0.0.1:50052',
      logLevel: 'info',
    });
  });

  it('reads the peer targets and refuses a missing database and a short secret', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://db/h', IDENTITY_GRPC_TARGET: 'identity:50051', PATIENTS_GRPC_TARGET: 'patients:50052' });
    expect([config.identityTarget, config.patientsTarget]).toEqual(['identity:50051', 'patients:50052']);
    expect(() => loadConfig({ INTERNAL_SECRET: 'short' })).toThrow(EnvError);
  });
});
