/** Reading a runnable's configuration: every problem of every reader, once; or stop plainly. */
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { EnvError, loadConfigOrExit, logEnv, parseEnv, port, readConfig } from './env.ts';
import { shutdownGraceMs } from './shutdown.ts';

const schema = z.object({ ...logEnv, WEB_PORT: port(3000), SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0) });
const readers = (env: Record<string, string>) => ({ config: () => parseEnv(schema, env), graceMs: () => shutdownGraceMs(env) });

describe('readConfig', () => {
  it('returns what each reader read', () => {
    expect(readConfig(readers({ SHUTDOWN_GRACE_MS: '5000' }))).toEqual({ config: { LOG_LEVEL: 'info', WEB_PORT: 3000, SHUTDOWN_GRACE_MS: 5000 }, graceMs: 5000 });
  });

  it('lists the problems of every reader, each once', () => {
    const read = () => readConfig(readers({ WEB_PORT: '70000', SHUTDOWN_GRACE_MS: 'abc' }));
    expect(read).toThrow(EnvError);
    const problems = (() => {
      try {
        read();
        return [];
      } catch (error) {
        return (error as EnvError).problems;
      }
    })();
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['WEB_PORT', 'SHUTDOWN_GRACE_MS']);
  });

  it('lets other errors through', () => {
    expect(() => readConfig({ broken: () => JSON.parse('{') })).toThrow(SyntaxError);
  });
});

describe('loadConfigOrExit', () => {
  it('reports the plain list and exits 1', () => {
    const reported: string[] = [];
    const exit = (code: number): never => {
      throw new Error(`exit ${code}`);
    };
    expect(() => loadConfigOrExit(readers({ LOG_LEVEL: 'loud' }), { report: (text) => reported.push(text), exit })).toThrow('exit 1');
    expect(reported).toEqual([expect.stringMatching(/^Invalid configuration:\n {2}LOG_LEVEL: /)]);
  });
});
