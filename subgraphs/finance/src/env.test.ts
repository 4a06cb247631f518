import { describe, expect, it } from 'vitest';
import { EnvError } from '@hospital/service-kit';
import { loadConfig } from './env.ts';

describe('finance subgraph env', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({ port: 4005, host: '127.0.0.1', financeTarget: '127.0.0.1:50055', grpcDeadlineMs: 5000, production: false, logLevel: 'info' });
  });

  it('insists on a real secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(EnvError);
    expect(loadConfig({ NODE_ENV: 'production', INTERNAL_SECRET: 'x'.repeat(40) }).production).toBe(true);
  });
});
