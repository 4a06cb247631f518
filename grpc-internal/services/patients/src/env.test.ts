import { describe, expect, it } from 'vitest';
import { EnvError } from '@hospital/service-kit';
import { loadConfig } from './env.ts';

describe('patients env', () => {
  it('applies the documented defaults', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/hospital' })).toMatchObject({
      port: 50052,
      host: '0.0.0.0',
      logLevel: 'info',
      care: { appointmentsTarget: '127.0.0.1:50053', wardTarget: '127.0.0.1:50057' },
      grpcDeadlineMs: 5000,
    });
  });

  it('refuses a missing database and a short secret', () => {
    expect(() => loadConfig({ INTERNAL_SECRET: 'short' })).toThrow(EnvError);
  });
});
