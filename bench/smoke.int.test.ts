/**
 * The benchmark suite cannot rot: every scenario runs in its smoke mode (a few seconds each) as
 * `npm run bench -- --smoke` would, and must finish and write its JSON. Figures are not checked:
 * speed goals live in the benchmarks, never in timed tests.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const scenarios = readdirSync(path.join(root, 'bench/scenarios'))
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
  .map((file) => file.slice(0, -3));

describe('benchmark suite (smoke mode)', () => {
  it('refuses an unknown scenario with the list of known ones', async () => {
    const failure = await run('npx', ['tsx', 'bench/run.ts', 'no-such-scenario'], { cwd: root }).catch((error: unknown) => error as { code: number; stderr: string });
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('scenarios: ');
  });

  for (const name of scenarios) {
    it(`runs ${name} and writes its JSON`, { timeout: 240_000 }, async () => {
      const resultsDir = mkdtempSync(path.join(tmpdir(), 'bench-smoke-'));
      await run('npx', ['tsx', 'bench/run.ts', '--smoke', name], {
        cwd: root,
        env: { ...process.env, BENCH_RESULTS_DIR: resultsDir },
        maxBuffer: 16 * 1024 * 1024,
      });
      const record = JSON.parse(readFileSync(path.join(resultsDir, `${name}.smoke.json`), 'utf8')) as { rows: unknown[]; machine: { cpus: number } };
      expect(record.rows.length).toBeGreaterThan(0);
      expect(record.machine.cpus).toBeGreaterThan(0);
    });
  }
});
