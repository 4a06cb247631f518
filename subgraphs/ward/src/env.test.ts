import { describe, expect, it } from 'vitest';
import { EnvError } from '@hospital/service-kit';
import { loadConfig } from './env.ts';

describe('ward subgraph env', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({ port: 4007, host: '127.0.0.1', wardTarget: '127.0.0.1:50057', grpcDeadlineMs: 5000, production: false, logLevel: 'info' });
  });

  it('demands a real secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(EnvError);
    expect(loadConfig({ NODE_ENV: 'production', INTERNAL_SECRET: 'x'.repeat(40) }).production).toBe(true);
  });
});
