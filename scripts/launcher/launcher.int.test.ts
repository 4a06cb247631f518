/**
 * The local launcher's process tree: every port moved off its default (a second system could run
 * beside the first), and no child outlives it, whether the launcher alone gets SIGTERM, dies by
 * SIGKILL (the children's IPC lifeline), or `npm start` is signalled as a process manager would.
 * Children run from dist/ (LAUNCHER_RUNTIME=dist) to keep sixteen start-ups short.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testServerUrl } from '../../test/helpers.ts';
import { TEST_RUN_SEND_CHANNELS } from '@hospital/test-support/departments/notifications';
import { ensureFreshBuild } from '../build/fresh-build.ts';
import { freePort } from '@hospital/service-kit';
import { DEPARTMENT_NAMES } from './system-layout.ts';

const root = path.resolve(import.meta.dirname, '../..');
const started: ChildProcess[] = [];
/** Every pid a test saw, killed afterwards should the test have failed. */
const seen: number[] = [];
const dataDirs: string[] = [];

/** Every process below `pid`, from /proc. */
async function descendants(pid: number): Promise<number[]> {
  const parents = new Map<number, number[]>();
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    // Field 4 (ppid) follows the parenthesised command name, which may contain spaces.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length)
    for (const child of parents.get(queue.shift()!) ?? []) {
      found.push(child);
      queue.push(child);
    }
  return found;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitUntilGone(pids: number[], ms: number): Promise<number[]> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline && pids.some(alive)) await new Promise((resolve) => setTimeout(resolve, 200));
  return pids.filter(alive);
}

/** Environment of a launcher whose every port is a free one, on the run's database, from dist/. */
async function launcherEnv(): Promise<Record<string, string>> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'launcher-test-'));
  dataDirs.push(dataDir);
  const ports: Record<string, string> = {};
  for (const dept of DEPARTMENT_NAMES) {
    ports[`${dept.toUpperCase()}_GRPC_PORT`] = String(await freePort());
    ports[`${dept.toUpperCase()}_SUBGRAPH_PORT`] = String(await freePort());
    ports[`${dept.toUpperCase()}_METRICS_PORT`] = String(await freePort());
  }
  return {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: process.env['HOME'] ?? '/tmp',
    DATABASE_URL: testServerUrl(),
    // Never email: the run's other files wait for their own email deliveries (see TEST_RUN_SEND_CHANNELS).
    NOTIFY_SEND_CHANNELS: TEST_RUN_SEND_CHANNELS.join(','),
    SEED_DEMO_DATA: 'false',
    DATA_DIR: dataDir,
    LAUNCHER_RUNTIME: 'dist',
    LOG_LEVEL: 'warn',
    ROUTER_PORT: String(await freePort()),
    ROUTER_METRICS_PORT: String(await freePort()),
    WEB_PORT: String(await freePort()),
    WEB_METRICS_PORT: String(await freePort()),
    ...ports,
  };
}

/** Starts `command` and resolves once the launcher prints that the system is running. */
async function startSystem(command: string, args: string[]): Promise<{ pid: number; tree: number[]; output: string }> {
  const child = spawn(command, args, { cwd: root, env: await launcherEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Hospital system is running.') && output.includes('Press Ctrl-C to stop.')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`launcher exited (${code}) before the system ran:\n${output}`)));
  });
  const tree = await descendants(child.pid!);
  seen.push(...tree);
  return { pid: child.pid!, tree, output };
}

beforeAll(async () => {
  await ensureFreshBuild(root);
}, 180_000);

afterEach(async () => {
  for (const child of started.splice(0)) if (child.pid) seen.push(child.pid, ...(await descendants(child.pid)));
  for (const pid of seen.splice(0)) if (alive(pid)) process.kill(pid, 'SIGKILL');
  for (const dir of dataDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('the launcher stops every child', () => {
  it('when the launcher alone gets SIGTERM', async () => {
    const launcher = await startSystem(process.execPath, ['--import', 'tsx', 'scripts/start.ts']);
    expect(launcher.tree.length).toBeGreaterThanOrEqual(16);
    // The banner names each runnable's /metrics, on the ports the environment gave: each answers.
    const endpoints = [...launcher.output.matchAll(/^ {4}(\S+) +(http:\/\/127\.0\.0\.1:\d+\/metrics)$/gm)].map((m) => ({ name: m[1]!, url: m[2]! }));
    expect(endpoints.map((e) => e.name).sort()).toEqual(['router', 'web', ...DEPARTMENT_NAMES.flatMap((d) => [`${d}-service`, `${d}-subgraph`])].sort());
    for (const { name, url } of endpoints) {
      const page = await fetch(url);
      expect(page.status, url).toBe(200);
      expect(await page.text(), url).toContain(`process_resident_memory_bytes{service="${name}"}`);
    }
    process.kill(launcher.pid, 'SIGTERM');
    expect(await waitUntilGone([launcher.pid, ...launcher.tree], 20_000)).toEqual([]);
  }, 120_000);

  it('when the launcher is killed outright (SIGKILL): each child follows its closed IPC channel', async () => {
    const launcher = await startSystem(process.execPath, ['--import', 'tsx', 'scripts/start.ts']);
    process.kill(launcher.pid, 'SIGKILL');
    expect(await waitUntilGone(launcher.tree, 20_000)).toEqual([]);
  }, 120_000);

  it('when `npm start` gets SIGTERM (npm forwards it to the launcher)', async () => {
    const npm = await startSystem('npm', ['start', '--silent']);
    expect(npm.tree.length).toBeGreaterThanOrEqual(17);
    process.kill(npm.pid, 'SIGTERM');
    expect(await waitUntilGone([npm.pid, ...npm.tree], 25_000)).toEqual([]);
  }, 120_000);
});
