/**
 * `node --import tsx scripts/build/measure-startup.ts [--runs N]` after `npm run build`: starts
 * each built runnable alone with `node dist/hospital.js <command>` and reports the time from spawn
 * to ready (TCP accept for services, /health for subgraphs and router, /config.json for the web
 * server) and its resident memory (VmRSS) at ready and after 3 s idle; medians over the runs.
 * Migrations run first into their own database (MEASURE_DATABASE_URL, default
 * postgresql://postgres@127.0.0.1:5432/hospital_startup), timed as well. `--source` measures the
 * same commands through tsx from the sources, for comparison.
 */
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { quantile } from '../../bench/lib/stats.ts';
import { DEPARTMENTS } from '../hospital/commands.ts';
import { freePort } from '@hospital/service-kit';
import { spawnBuilt, startBuilt } from './built-runnable.ts';
import { serverTargets, type Target } from './runnable-targets.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, source: { type: 'boolean', default: false } } });
// --source: the same runnables from the TypeScript sources through tsx, for comparison.
const source = values.source;
const runs = Number(values.runs);
const databaseUrl = process.env['MEASURE_DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/hospital_startup';
// Calls between departments go nowhere (port 1), never to another system on the default ports.
const targets = serverTargets(databaseUrl, Object.fromEntries(DEPARTMENTS.map((dept) => [`${dept.toUpperCase()}_GRPC_TARGET`, '127.0.0.1:1'])));

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** One start: ms to ready, RSS at ready and after 3 s. */
async function measure(target: Target): Promise<[number, number, number]> {
  const port = await freePort();
  const started = performance.now();
  const runnable = await startBuilt(root, target.command, target.env(port), target.ready(port), 60_000, source);
  const readyMs = performance.now() - started;
  const atReady = await rssMiB(runnable.child.pid!);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const idle = await rssMiB(runnable.child.pid!);
  await runnable.stop();
  return [readyMs, atReady, idle];
}

const migrateStarted = performance.now();
const migrate = spawnBuilt(root, ['migrate'], { DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' });
const { code } = await migrate.exited;
if (code !== 0) throw new Error(`migrate failed:\n${migrate.output()}`);
const migrateMs = performance.now() - migrateStarted;

const median = (xs: number[]) => quantile(xs, 0.5);
console.log(
  `${source ? 'tsx scripts/hospital.ts' : 'node dist/hospital.js'}: ${os.cpus().length} CPUs, load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}, ${runs} runs, node ${process.version}`,
);
console.log(`migrate (up to date or fresh, incl. Prisma CLI): ${(migrateMs / 1000).toFixed(1)} s`);
console.log('| runnable | start → ready (ms, median) | RSS at ready (MiB) | RSS idle after 3 s (MiB) |');
console.log('|---|---:|---:|---:|');
for (const target of targets) {
  const samples: Array<[number, number, number]> = [];
  for (let i = 0; i < runs; i += 1) samples.push(await measure(target));
  const column = (index: 0 | 1 | 2) => median(samples.map((sample) => sample[index]));
  console.log(`| ${target.command.join(' ')} | ${column(0).toFixed(0)} | ${column(1).toFixed(0)} | ${column(2).toFixed(0)} |`);
}
console.log(
  `load average after: ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
