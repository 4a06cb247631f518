import { describe, expect, it } from 'vitest';
import { EnvError } from '@hospital/service-kit';
import { loadConfig } from './env.ts';

describe('ward env', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/hospital' })).toMatchObject({
      port: 50057,
      host: '0.0.0.0',
      patientsTarget: '127.0.0.1:50052',
      logLevel: 'info',
    });
  });

  it('reads the patients target and port', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://db/hospital', WARD_GRPC_PORT: '6000', PATIENTS_GRPC_TARGET: 'patients:50052' });
    expect(config).toMatchObject({ port: 6000, patientsTarget: 'patients:50052' });
  });

  it('refuses a missing database and a short secret', () => {
    expect(() => loadConfig({ INTERNAL_SECRET: 'short' })).toThrow(EnvError);
  });
});
