/**
 * The alert rules are valid (`promtool check rules`) and fire as their unit tests say
 * (`promtool test rules`). promtool comes with Debian's `prometheus` package (.ci/run installs it);
 * without it this test fails and says so rather than skipping.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));

function promtool(...args: string[]): { status: number | null; output: string } {
  const which = spawnSync('which', ['promtool'], { encoding: 'utf8' });
  if (which.status !== 0) throw new Error('promtool is not installed: `apt-get install -y prometheus` (Debian package; .ci/run installs it).');
  const run = spawnSync('promtool', args, { cwd: here, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('alert rules (k8s/observability/alerts.yml)', () => {
  it('pass promtool check rules', () => {
    const result = promtool('check', 'rules', 'alerts.yml');
    expect(result.status, result.output).toBe(0);
  });

  it('pass their promtool unit tests (alerts.test.yml)', () => {
    const result = promtool('test', 'rules', 'alerts.test.yml');
    expect(result.status, result.output).toBe(0);
  });

  it('each name a runbook section that the README has', () => {
    const readme = readFileSync(path.resolve(here, '../../README.md'), 'utf8');
    const yaml = readFileSync(path.join(here, 'alerts.yml'), 'utf8');
    const anchors = [...yaml.matchAll(/runbook: "README\.md#(runbook-[a-z]+)"/g)].map((m) => m[1]!);
    expect(anchors.length).toBeGreaterThan(0);
    for (const anchor of new Set(anchors)) expect(readme.includes(`<a id="${anchor}"></a>`), `README anchor ${anchor}`).toBe(true);
  });
});
