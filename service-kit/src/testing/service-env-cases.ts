/**
 * The env checks every gRPC service (and every department subgraph) repeats (`@hospital/service-kit/testing`): each env.ts reads
 * the shared variables through the kit's grpcServiceEnvReader, so each service states its own
 * documented defaults and this runs the same two cases over them.
 */
import { expect, it } from 'vitest';
import { EnvError } from '../env.ts';

/** The one variable without a default: what a service's documented defaults are read from. */
export const DATABASE_ONLY_ENV = { DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/hospital' };

/**
 * Declares, inside the caller's describe, the two cases every service env shares: with only
 * DATABASE_URL set it applies host 0.0.0.0, log level info and the service's own `defaults`;
 * without DATABASE_URL and with a short INTERNAL_SECRET it throws EnvError.
 * @param loadConfig - the service's env reader
 * @param defaults - what the service documents as its defaults (its port, peer targets, ...)
 */
export function itChecksServiceEnv(loadConfig: (env: Record<string, string | undefined>) => object, defaults: Record<string, unknown>): void {
  it('applies the documented defaults', () => {
    expect(loadConfig(DATABASE_ONLY_ENV)).toMatchObject({ host: '0.0.0.0', logLevel: 'info', ...defaults });
  });

  it('refuses a missing database and a short secret', () => {
    expect(() => loadConfig({ INTERNAL_SECRET: 'short' })).toThrow(EnvError);
  });
}

/**
 * Declares, inside the caller's describe, the two cases every department subgraph's env shares:
 * with nothing set it applies host 127.0.0.1, a 5 s gRPC deadline, production off and the
 * subgraph's own `defaults`; in production it refuses the public dev secret and takes a real one.
 * @param loadConfig - the subgraph's env reader
 * @param defaults - what the subgraph documents as its defaults (its port, gRPC targets, ...)
 */
export function itChecksSubgraphEnv(loadConfig: (env: Record<string, string | undefined>) => { production: boolean }, defaults: Record<string, unknown>): void {
  it('applies the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({ host: '127.0.0.1', grpcDeadlineMs: 5000, production: false, ...defaults });
  });

  it('refuses the public dev secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(EnvError);
    expect(loadConfig({ NODE_ENV: 'production', INTERNAL_SECRET: 'x'.repeat(40) }).production).toBe(true);
  });
}

/**
 * The problems an env reader reports, one a line, for the test to match; the test fails unless the
 * reader throws EnvError.
 * @param load - calls the reader with the environment under test
 */
export function envProblemsOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems.join('\n');
  }
  return expect.unreachable('the env reader accepted the environment');
}
