/**
 * One runnable of the manifest-driven local run as a child process: its output in a log file,
 * readiness by the container's own probe, completion for Jobs, SIGTERM then SIGKILL to stop, and
 * its RSS and CPU time from /proc (the figures behind the manifests' requests and limits).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import path from 'node:path';

/** A started runnable. */
export class LocalProcess {
  readonly child: ChildProcess;
  readonly logFile: string;
  private readonly exited: Promise<number | null>;

  /**
   * @param name - e.g. "Deployment/router"
   * @param args - node's arguments (the entry point and the command)
   * @param env - the runnable's whole environment (PATH and HOME are added)
   * @param cwd - the repository root
   * @param logDir - where its output goes
   */
  constructor(
    readonly name: string,
    args: string[],
    env: Record<string, string>,
    cwd: string,
    logDir: string,
  ) {
    this.logFile = path.join(logDir, `${name.replace(/\W+/g, '_')}.log`);
    const log = createWriteStream(this.logFile);
    this.child = spawn(process.execPath, args, {
      cwd,
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: logDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.pipe(log);
    this.child.stderr?.pipe(log);
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  private tail(): string {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-15).join('\n');
    } catch {
      return '';
    }
  }

  /** Waits for a Job's successful exit. */
  async completes(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([this.exited, new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)))]);
    clearTimeout(timer);
    if (code !== 0) throw new Error(`${this.name} ${code === 'timeout' ? 'did not finish' : `exited with ${code}`}:\n${this.tail()}`);
  }

  /** Polls `probe` until it answers true; fails if the process exits first. */
  async ready(probe: () => Promise<boolean>, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running()) throw new Error(`${this.name} exited with ${this.child.exitCode ?? this.child.signalCode}:\n${this.tail()}`);
      if (await probe()) return;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${this.name} was not ready within ${timeoutMs} ms:\n${this.tail()}`);
  }

  /** SIGTERM, then SIGKILL after `graceMs`. */
  async stop(graceMs: number): Promise<void> {
    if (!this.running()) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

/**
 * Resident memory and CPU time used so far by a process (Linux /proc).
 * @param pid - the process
 */
export function processUsage(pid: number): { rssMiB: number; cpuSeconds: number } {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rssKiB = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { rssMiB: Math.round(rssKiB / 1024), cpuSeconds: ticks / 100 };
  } catch {
    return { rssMiB: 0, cpuSeconds: 0 };
  }
}
