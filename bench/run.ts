/**
 * The benchmark suite: `npm run bench -- [--smoke] [scenario …] [-- scenario args]`.
 * With no scenario it runs them all, in the order below. Each prints a Markdown table and writes
 * `bench/results/<scenario>.json` (or `$BENCH_RESULTS_DIR/<scenario>.json`) with the machine, its
 * load average before and after, the commit and the Node version, so a figure can be traced.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Scenario, ScenarioRow } from './lib/scenario.ts';

const SCENARIO_DIR = path.join(import.meta.dirname, 'scenarios');
/** The order `npm run bench` runs them in when none is named; others found on disk follow. */
const PREFERRED_ORDER = ['hops', 'router', 'seed-scale', 'dashboard', 'search', 'fanout', 'audit', 'overload', 'flood'];

function available(): string[] {
  const found = readdirSync(SCENARIO_DIR)
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => file.slice(0, -3));
  return [...PREFERRED_ORDER.filter((name) => found.includes(name)), ...found.filter((name) => !PREFERRED_ORDER.includes(name)).sort()];
}

function markdownTable(rows: readonly ScenarioRow[]): string {
  if (rows.length === 0) return '(no rows)';
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const cell = (value: unknown) => (value === undefined || value === null ? '' : typeof value === 'number' ? String(value) : String(value));
  const align = columns.map((column) => (rows.every((row) => typeof row[column] !== 'string') ? '--:' : '---'));
  return [`| ${columns.join(' | ')} |`, `|${align.join('|')}|`, ...rows.map((row) => `| ${columns.map((c) => cell(row[c])).join(' | ')} |`)].join('\n');
}

function commit(): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function usage(names: readonly string[]): string {
  return `usage: npm run bench -- [--smoke] [scenario …] [-- scenario args]\nscenarios: ${names.join(', ')}`;
}

const argv = process.argv.slice(2);
const split = argv.indexOf('--');
const own = split === -1 ? argv : argv.slice(0, split);
const scenarioArgs = split === -1 ? [] : argv.slice(split + 1);
const smoke = own.includes('--smoke') || process.env['BENCH_SMOKE'] === '1';
const names = available();
if (own.includes('--help') || own.includes('-h')) {
  console.log(usage(names));
  process.exit(0);
}
const unknownFlags = own.filter((arg) => arg.startsWith('-') && arg !== '--smoke');
const chosen = own.filter((arg) => !arg.startsWith('-'));
const unknown = chosen.filter((name) => !names.includes(name));
if (unknownFlags.length > 0 || unknown.length > 0) {
  console.error(`unknown ${unknown.length > 0 ? `scenario ${unknown.join(', ')}` : `flag ${unknownFlags.join(', ')}`}\n${usage(names)}`);
  process.exit(2);
}

const resultsDir = process.env['BENCH_RESULTS_DIR'] || path.join(import.meta.dirname, 'results');
mkdirSync(resultsDir, { recursive: true });
let failed = 0;
for (const name of chosen.length > 0 ? chosen : names) {
  const file = path.join(SCENARIO_DIR, `${name}.ts`);
  if (!existsSync(file)) continue;
  const scenario = ((await import(pathToFileURL(file).href)) as { default: Scenario }).default;
  console.log(`\n## ${name}${smoke ? ' (smoke)' : ''}: ${scenario.description}\n`);
  const before = loadavg();
  const startedAt = new Date();
  try {
    const result = await scenario.run({
      smoke,
      args: scenarioArgs,
      serverUrl: process.env['TEST_DATABASE_URL'] || undefined,
      log: (message) => console.error(`[${name}] ${message}`),
    });
    const after = loadavg();
    console.log(markdownTable(result.rows));
    for (const note of result.notes ?? []) console.log(`\n${note}`);
    console.log(`\nload average ${before[0]!.toFixed(1)} → ${after[0]!.toFixed(1)} on ${availableParallelism()} cores`);
    const record = {
      scenario: name,
      smoke,
      at: startedAt.toISOString(),
      seconds: Math.round((Date.now() - startedAt.getTime()) / 100) / 10,
      commit: commit(),
      node: process.version,
      machine: { cpus: availableParallelism(), model: cpus()[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), loadavgBefore: before, loadavgAfter: after },
      rows: result.rows,
      notes: result.notes ?? [],
      details: result.details ?? null,
    };
    writeFileSync(path.join(resultsDir, `${name}${smoke ? '.smoke' : ''}.json`), `${JSON.stringify(record, null, 2)}\n`);
  } catch (error) {
    failed += 1;
    console.error(`scenario ${name} failed:`, error);
  }
}
process.exit(failed > 0 ? 1 : 0);
