/**
 * Starts a built runnable the way production does (`node dist/hospital.js <command>`), for the
 * dist tests, the shutdown tests and the start-up measurement.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { waitUntilReady, type Readiness } from '../launcher/readiness.ts';

/** A started built runnable. */
export interface BuiltRunnable {
  child: ChildProcess;
  /** Everything it wrote so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (or signal) when it exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it is gone. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Spawns `node dist/hospital.js ...args` with only PATH and `env` in its environment.
 * @param root - repository root (dist/ below it)
 * @param args - the command, e.g. ['service', 'identity']
 * @param env - its environment
 * @param source - run scripts/hospital.ts through tsx instead (for comparing start-up)
 */
export function spawnBuilt(root: string, args: string[], env: Record<string, string>, source = false): BuiltRunnable {
  const entry = source ? ['--import', 'tsx', path.join(root, 'scripts', 'hospital.ts')] : [path.join(root, 'dist', 'hospital.js')];
  const child = spawn(process.execPath, [...entry, ...args], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return {
    child,
    output: () => output,
    exited,
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Spawns a built runnable and waits until it answers.
 * @param root - repository root
 * @param args - the command
 * @param env - its environment
 * @param ready - how to know it is up
 * @param timeoutMs - how long it may take
 * @param source - run scripts/hospital.ts through tsx instead
 */
export async function startBuilt(root: string, args: string[], env: Record<string, string>, ready: Readiness, timeoutMs = 30_000, source = false): Promise<BuiltRunnable> {
  const runnable = spawnBuilt(root, args, env, source);
  const name = `hospital ${args.join(' ')}`;
  try {
    await waitUntilReady(name, ready, () => (runnable.child.exitCode !== null ? `exited with code ${runnable.child.exitCode}:\n${runnable.output()}` : undefined), timeoutMs);
  } catch (error) {
    await runnable.stop(1_000);
    throw error;
  }
  return runnable;
}
