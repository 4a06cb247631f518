import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EnvError, parseEnv } from './env.ts';
import { grpcServiceEnvReader, grpcTargetsEnv } from './service-env.ts';

const read = grpcServiceEnvReader('ward', { EXTRA_MS: z.coerce.number().int().positive().default(7) }, (e) => ({ extraMs: e.EXTRA_MS }));

describe('grpcServiceEnvReader', () => {
  it('applies the shared defaults from the department table plus the service own variables', () => {
    const config = read({ DATABASE_URL: 'postgresql://db/h' });
    // Ward's gRPC port in the department table; the host every service binds by default.
    expect([config.port, config.host, config.databaseUrl, config.logLevel, config.extraMs]).toEqual([50057, '0.0.0.0', 'postgresql://db/h', 'info', 7]);
    expect(config.internalSecret).toMatch(/^dev-only-/);
  });

  it("reads the department's own <DEPT>_GRPC_PORT and HOST", () => {
    expect(read({ DATABASE_URL: 'postgres://db/h', WARD_GRPC_PORT: '6000', WARD_GRPC_HOST: '127.0.0.1', EXTRA_MS: '9' })).toMatchObject({
      port: 6000,
      host: '127.0.0.1',
      extraMs: 9,
    });
  });

  it('lists shared and own problems together', () => {
    const error = (() => {
      try {
        read({ INTERNAL_SECRET: 'short', EXTRA_MS: '-1' });
      } catch (e) {
        return e as EnvError;
      }
    })();
    expect(error).toBeInstanceOf(EnvError);
    expect(error?.problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'EXTRA_MS', 'INTERNAL_SECRET']);
  });
});

describe('grpcTargetsEnv', () => {
  const schema = z.object(grpcTargetsEnv('identity', 'ward'));

  it('names one <DEPT>_GRPC_TARGET per department, defaulting to the department table (unset or empty)', () => {
    expect(Object.keys(grpcTargetsEnv('identity', 'ward'))).toEqual(['IDENTITY_GRPC_TARGET', 'WARD_GRPC_TARGET']);
    expect(parseEnv(schema, { WARD_GRPC_TARGET: '' })).toEqual({ IDENTITY_GRPC_TARGET: '127.0.0.1:50051', WARD_GRPC_TARGET: '127.0.0.1:50057' });
  });

  it('takes the address given', () => {
    expect(parseEnv(schema, { IDENTITY_GRPC_TARGET: 'identity:50051' }).IDENTITY_GRPC_TARGET).toBe('identity:50051');
  });
});
