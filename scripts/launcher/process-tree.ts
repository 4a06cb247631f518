/**
 * Runs the system's runnables as child processes of one launcher: start in order, wait until
 * each answers, and stop them in reverse order on Ctrl-C. Each child runs through the one entry
 * point (scripts/hospital.ts) with an IPC channel to the launcher: should the launcher die without
 * stopping them (SIGKILL, a crash), the channel closes and every child stops itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { waitUntilReady, type Readiness } from './readiness.ts';
import { childEnvironment } from './system-layout.ts';

/** How a child is run: from the sources through tsx (development) or the built dist/hospital.js. */
export type Runtime = { kind: 'source'; root: string } | { kind: 'dist'; root: string };

/** One runnable to start. */
export interface ChildSpec {
  /** Short name used in logs, e.g. "patients-service". */
  name: string;
  /** The runnable's main.ts. */
  entry: string;
  /** The entry point's command that starts it, e.g. ['service', 'patients']. */
  command: string[];
  /** Extra environment for the child. */
  env: Record<string, string>;
  /** How to know it is up. */
  ready: Readiness;
}

/** A started child. */
interface Running {
  spec: ChildSpec;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** Starts children one after another and stops them all together. */
export class ProcessTree {
  private readonly running: Running[] = [];

  /**
   * @param logDir - where each child's output goes (<name>.log)
   * @param onUnexpectedExit - called when a child dies while the tree is up
   * @param runtime - sources (tsx) or dist/
   */
  constructor(
    private readonly logDir: string,
    private readonly onUnexpectedExit: (name: string, code: number | null) => void,
    private readonly runtime: Runtime,
  ) {
    mkdirSync(logDir, { recursive: true });
  }

  private stopping = false;

  /**
   * Spawns a child and waits until it is ready (or fails).
   * @param spec - what to run
   * @param timeoutMs - how long it may take to become ready
   */
  async start(spec: ChildSpec, timeoutMs = 60_000): Promise<void> {
    const log = createWriteStream(path.join(this.logDir, `${spec.name}.log`), { flags: 'a' });
    const { root } = this.runtime;
    const entry = this.runtime.kind === 'dist' ? [path.join(root, 'dist/hospital.js')] : ['--import', 'tsx', path.join(root, 'scripts/hospital.ts')];
    const child = spawn(process.execPath, [...entry, ...spec.command], {
      env: childEnvironment(process.env, spec.env),
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    // The channel is only a lifeline (see the file comment): it must not keep the launcher up.
    child.channel?.unref();
    child.stdout?.pipe(log);
    child.stderr?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      process.stderr.write(`[${spec.name}] ${chunk.toString()}`);
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    this.running.push({ spec, child, exited });
    void exited.then((code) => {
      if (!this.stopping) this.onUnexpectedExit(spec.name, code);
    });
    const failed = () => (child.exitCode !== null ? `exited with code ${child.exitCode}; see ${this.logDir}/${spec.name}.log` : undefined);
    await waitUntilReady(spec.name, spec.ready, failed, timeoutMs);
  }

  /** Process ids of the children still running. */
  pids(): number[] {
    return this.running.flatMap(({ child }) => (child.exitCode === null && child.signalCode === null && child.pid ? [child.pid] : []));
  }

  /**
   * Stops every child, last started first: SIGTERM, then SIGKILL after graceMs.
   * @param graceMs - how long each child may take to drain
   */
  async stopAll(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    for (const { child, exited } of [...this.running].reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    }
  }
}
