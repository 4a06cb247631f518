/**
 * Every runnable of the entry point checks its whole configuration before it starts or binds
 * anything: a bad variable gives the plain "Invalid configuration:" list naming it, exit code 1,
 * and no stack trace. Run from the sources (`scripts/hospital.ts` through tsx), which the built
 * bundles of dist/ are made from.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnBuilt } from '../build/built-runnable.ts';
import { DEPARTMENTS } from './commands.ts';

const root = path.resolve(import.meta.dirname, '../..');

/** [command, bad variables]: every one of them must be named. */
const CASES: Array<[string, Record<string, string>]> = [
  ['router', { ROUTER_MAX_IN_FLIGHT: 'abc', SHUTDOWN_GRACE_MS: 'abc' }],
  ['web', { WEB_PORT: '70000', SHUTDOWN_GRACE_MS: 'abc' }],
  ['migrate', { DATABASE_URL: 'notaurl' }],
  ['seed-demo', { DATABASE_URL: 'notaurl' }],
  ...DEPARTMENTS.map((dept): [string, Record<string, string>] => [`service ${dept}`, { LOG_LEVEL: 'loud', METRICS_PORT: 'abc', SHUTDOWN_GRACE_MS: 'abc' }]),
  ...DEPARTMENTS.map((dept): [string, Record<string, string>] => [`subgraph ${dept}`, { LOG_LEVEL: 'loud', SHUTDOWN_GRACE_MS: 'abc' }]),
];

/** Runs one command to its exit and returns its exit code and everything it wrote. */
async function run(command: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const started = spawnBuilt(root, command.split(' '), env, true);
  const { code } = await started.exited;
  return { code, output: started.output() };
}

describe('a bad configuration, at start-up', () => {
  it.concurrent.each(CASES)(
    '%s: listed by name, exit 1, no stack trace',
    async (command, bad) => {
      const { code, output } = await run(command, bad);
      expect(code, output).toBe(1);
      expect(output).toContain('Invalid configuration:');
      for (const name of Object.keys(bad)) expect(output).toMatch(new RegExp(`^  ${name}: `, 'm'));
      expect(output).not.toMatch(/^\s+at /m);
      expect(output).not.toMatch(/ready at|listening/i);
    },
    60_000,
  );

  it('web: a bad SHUTDOWN_GRACE_MS alone stops it before it listens', async () => {
    const { code, output } = await run('web', { WEB_PORT: '0', SHUTDOWN_GRACE_MS: 'abc' });
    expect(code, output).toBe(1);
    expect(output).toMatch(/^ {2}SHUTDOWN_GRACE_MS: /m);
    expect(output).not.toContain('Web app ready');
    expect(output).not.toMatch(/^\s+at /m);
  }, 60_000);
});
