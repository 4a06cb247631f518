/**
 * runMain in a child process, as a main.ts runs it: a bad variable is listed and exits 1 before
 * anything starts; otherwise start runs and SIGTERM closes what it returned (last started first), exit 0.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const kit = path.resolve(import.meta.dirname, 'index.ts');
const main = (env: Record<string, string>) => `
  import { runMain } from ${JSON.stringify(kit)};
  await runMain({
    name: 'run-main-test',
    env: ${JSON.stringify({ LOG_LEVEL: 'silent', ...env })},
    loadConfig: (env) => ({ logLevel: env.LOG_LEVEL }),
    metrics: 'METRICS_PORT',
    start: async () => {
      console.log('STARTED');
      const alive = setInterval(() => undefined, 1_000); // what a server does: keeps the process up
      return [{ close: () => { clearInterval(alive); console.log('CLOSE started first'); } }, { close: () => console.log('CLOSE started second') }];
    },
  });
  console.log('READY');
`;

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', main(env)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += String(chunk)));
  child.stderr.on('data', (chunk: Buffer) => (out += String(chunk)));
  const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exit, output: () => out };
}

it('exits 1 listing a bad variable, before start', async () => {
  const { exit, output } = run({ METRICS_PORT: 'x', SHUTDOWN_GRACE_MS: '5' });
  expect(await exit).toBe(1);
  expect(output()).toMatch(/Invalid configuration:[\s\S]*METRICS_PORT[\s\S]*SHUTDOWN_GRACE_MS/);
  expect(output()).not.toContain('STARTED');
}, 30_000);

it('starts, and on SIGTERM closes what start returned, last started first, then exits 0', async () => {
  const { child, exit, output } = run({});
  // READY: runMain has returned, so the shutdown handlers are in place.
  await expect.poll(output, { timeout: 20_000 }).toContain('READY');
  child.kill('SIGTERM');
  expect(await exit).toBe(0);
  expect(output().indexOf('CLOSE started second')).toBeGreaterThan(-1);
  expect(output().indexOf('CLOSE started first')).toBeGreaterThan(output().indexOf('CLOSE started second'));
}, 30_000);
