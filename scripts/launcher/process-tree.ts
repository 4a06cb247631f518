/**
 * Runs the system's runnables as child processes of one launcher: start in order, wait until
 * each answers, and stop them in reverse order on Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { childEnvironment } from './system-layout.ts';

/** One runnable to start. */
export interface ChildSpec {
  /** Short name used in logs, e.g. "patients-service". */
  name: string;
  /** The runnable's main.ts. */
  entry: string;
  /** Extra environment for the child. */
  env: Record<string, string>;
  /** How to know it is up. */
  ready: { tcp: { host: string; port: number } } | { http: string };
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
   */
  constructor(
    private readonly logDir: string,
    private readonly onUnexpectedExit: (name: string, code: number | null) => void,
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
    const child = spawn(process.execPath, ['--import', 'tsx', spec.entry], {
      env: childEnvironment(process.env, spec.env),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
    const deadline = Date.now() + timeoutMs;
    while (!(await isReady(spec.ready))) {
      if (child.exitCode !== null) throw new Error(`${spec.name} exited with code ${child.exitCode}; see ${this.logDir}/${spec.name}.log`);
      if (Date.now() > deadline) throw new Error(`${spec.name} not ready after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
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

async function isReady(ready: ChildSpec['ready']): Promise<boolean> {
  if ('tcp' in ready) {
    return new Promise((resolve) => {
      const socket = net.connect(ready.tcp.port, ready.tcp.host);
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
  }
  try {
    const response = await fetch(ready.http, { signal: AbortSignal.timeout(1_000) });
    return response.ok;
  } catch {
    return false;
  }
}
