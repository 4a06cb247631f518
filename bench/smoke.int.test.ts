/**
 * The benchmark suite cannot rot: every scenario runs in its smoke mode (a few seconds each) as
 * `npm run bench -- --smoke` runs them, one after another in one runner process, and each must
 * finish, print its table and write its JSON. Figures are not checked: speed goals live in the
 * benchmarks, never in timed tests. One process for all scenarios, not one each, spares every
 * scenario but the first a tsx start-up and a fresh import of the whole system (most of a smoke
 * run is starting things, not measuring).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const scenarios = readdirSync(path.join(root, 'bench/scenarios'))
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .map((file) => file.slice(0, -3));

/** What the runner printed, and its exit code (1 when a scenario failed). */
interface RunOutput {
  code: number;
  stdout: string;
  stderr: string;
}

describe('benchmark suite (smoke mode)', () => {
  it('refuses an unknown scenario with the list of known ones', async () => {
    const failure = await run('npx', ['tsx', 'bench/run.ts', 'no-such-scenario'], { cwd: root }).catch((error: unknown) => error as { code: number; stderr: string });
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('scenarios: ');
  });

  describe('every scenario in one runner process', () => {
    const resultsDir = mkdtempSync(path.join(tmpdir(), 'bench-smoke-'));
    let output: RunOutput = { code: -1, stdout: '', stderr: '' };

    // The time the scenarios had before, one process and 240 s each: a loaded machine (load 15 on
    // 2 cores) took 15 minutes for all ten.
    beforeAll(async () => {
      output = await run('npx', ['tsx', 'bench/run.ts', '--smoke'], {
        cwd: root,
        env: { ...process.env, BENCH_RESULTS_DIR: resultsDir },
        maxBuffer: 64 * 1024 * 1024,
      })
        .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
        .catch((error: unknown) => error as RunOutput);
    }, 2_400_000);

    it.each(scenarios)('runs %s and writes its JSON', (name) => {
      const file = path.join(resultsDir, `${name}.smoke.json`);
      const failure = `${name} failed (runner exit ${output.code}); the runner's stderr ends:\n${output.stderr.slice(-4000)}`;
      expect(existsSync(file), failure).toBe(true);
      const record = JSON.parse(readFileSync(file, 'utf8')) as { rows: unknown[]; machine: { cpus: number } };
      expect(record.rows.length).toBeGreaterThan(0);
      expect(record.machine.cpus).toBeGreaterThan(0);
      expect(output.stdout, `${name} printed no table`).toContain(`## ${name} (smoke)`);
    });
  });
});
