import { describe, expect, it } from 'vitest';
import { EnvError } from '@hospital/service-kit';
import { loadConfig } from './env.ts';

describe('appointments subgraph env', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({ port: 4003, host: '127.0.0.1', appointmentsTarget: '127.0.0.1:50053', grpcDeadlineMs: 5000, production: false });
  });

  it('refuses the public dev secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(EnvError);
    expect(loadConfig({ NODE_ENV: 'production', INTERNAL_SECRET: 'x'.repeat(40) }).production).toBe(true);
  });
});
