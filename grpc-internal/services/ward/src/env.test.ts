import { describe, expect, it } from 'vitest';
import { itChecksServiceEnv } from '@hospital/service-kit/testing';
import { loadConfig } from './env.ts';

describe('ward env', () => {
  itChecksServiceEnv(loadConfig, { port: 50057, patientsTarget: '127.0.0.1:50052' });

  it('reads the patients target and port', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://db/hospital', WARD_GRPC_PORT: '6000', PATIENTS_GRPC_TARGET: 'patients:50052' });
    expect(config).toMatchObject({ port: 6000, patientsTarget: 'patients:50052' });
  });
});
