/**
 * The real router (`router/src/main.ts`) as its own process in front of a test system's subgraphs,
 * as deployed: load on the router then competes with the subgraphs and services only for the
 * machine's cores, not for one event loop. {@link startNodeProcess} starts any such process (the
 * `router` scenario's stock gateway too) and reads its CPU time and memory from /proc.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { subgraphUrlEnvName } from '@hospital/router';
import type { TestSystem } from '@hospital/test-support/system';

/** A router process: its GraphQL URL, the CPU time it has used, and how to stop it. */
export interface RouterProcess {
  url: string;
  /** The process id (to profile or inspect it). */
  pid: number | undefined;
  /** User + system CPU milliseconds the router has used so far (Linux /proc; NaN elsewhere), 10 ms steps. */
  cpuMs(): number;
  /** Resident memory now, MiB (Linux /proc; NaN elsewhere). */
  rssMiB(): number;
  stop(): Promise<void>;
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

function cpuMsOf(pid: number | undefined): number {
  try {
    // Fields after the parenthesised command name: state is 3rd, utime 14th, stime 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

function rssMiBOf(pid: number | undefined): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 102.4) / 10 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * Starts a TypeScript entry point as its own node process (through tsx) and resolves once it
 * prints `<ready> <url>` on stdout.
 * @param entry - the script
 * @param env - its whole environment (PATH is added)
 * @param options - the line that announces the URL, further node options (e.g. `--cpu-prof`)
 */
export async function startNodeProcess(entry: string, env: Record<string, string>, options: { ready: string; nodeArgs?: string[] }): Promise<RouterProcess> {
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', entry], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // A bench that crashes must not leave its router behind (holding ports and the output pipe).
  const killChild = () => child.kill('SIGTERM');
  process.once('exit', killChild);
  const pattern = new RegExp(`${options.ready} (\\S+)`);
  const url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = pattern.exec(text);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${path.basename(entry)} exited with code ${code} before it was ready`)));
  });
  return {
    url,
    pid: child.pid,
    cpuMs: () => cpuMsOf(child.pid),
    rssMiB: () => rssMiBOf(child.pid),
    stop: async () => {
      process.off('exit', killChild);
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/**
 * Starts the router process and resolves once it prints its URL.
 * @param system - the subgraphs, keys and internal secret to use
 * @param extraEnv - further router variables (e.g. ROUTER_RATE_LIMIT_PER_IP)
 * @param nodeArgs - further node options (e.g. `--cpu-prof` to profile the router)
 */
export async function startRouterProcess(system: TestSystem, extraEnv: Record<string, string> = {}, nodeArgs: string[] = []): Promise<RouterProcess> {
  const entry = path.resolve(import.meta.dirname, '../router/src/main.ts');
  const subgraphs = Object.fromEntries(Object.entries(system.subgraphUrls).map(([name, url]) => [subgraphUrlEnvName(name), url]));
  return startNodeProcess(
    entry,
    {
      ROUTER_PORT: '0',
      ROUTER_HOST: '127.0.0.1',
      ...subgraphs,
      JWT_PUBLIC_KEY: system.jwt.publicKeyPem,
      JWT_KEY_ID: system.jwt.keyId,
      INTERNAL_SECRET: system.internalSecret,
      IDENTITY_GRPC_TARGET: system.grpcTargets.identity,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'development',
      ...extraEnv,
    },
    { ready: 'Router ready at', nodeArgs },
  );
}
