/**
 * One graceful shutdown per process: on SIGTERM or SIGINT the resources close in reverse order of
 * start (servers drain in-flight requests and subscriptions first), and the process exits within
 * a bounded grace period whatever state it is in: database gone, log pipe closed or full, clients
 * still connected. Past the grace period it exits with code 1; should the event loop itself be
 * stuck, a watchdog thread kills the process one second later.
 */
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { parseEnv } from './env.ts';
import type { Logger } from './logger.ts';

/** Something that can be closed. */
export type Closer = () => Promise<void> | void;

/** Default, lowest and highest grace period (SHUTDOWN_GRACE_MS), in ms. */
export const SHUTDOWN_GRACE_MS = { default: 10_000, min: 1_000, max: 120_000 } as const;

/** The SHUTDOWN_GRACE_MS fragment of an env schema. */
export const shutdownEnv = {
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(SHUTDOWN_GRACE_MS.min).max(SHUTDOWN_GRACE_MS.max).default(SHUTDOWN_GRACE_MS.default),
};

/**
 * Reads SHUTDOWN_GRACE_MS (for main.ts files); throws an EnvError when it is out of bounds.
 * @param env - the process environment
 */
export function shutdownGraceMs(env: Record<string, string | undefined>): number {
  return parseEnv(z.object(shutdownEnv), { SHUTDOWN_GRACE_MS: env['SHUTDOWN_GRACE_MS'] }).SHUTDOWN_GRACE_MS;
}

/** How long past the grace period the watchdog thread waits before SIGKILL. */
const WATCHDOG_EXTRA_MS = 1_000;

/** When the running shutdown's grace period ends (epoch ms); undefined while none runs. */
let graceDeadline: number | undefined;

/**
 * How long a server may still drain: during a shutdown, what is left of its grace period less
 * `reserveMs` (for closing what the server used, such as its database pool); otherwise `fallbackMs`.
 * @param fallbackMs - the drain when no shutdown is running (a test closing a server)
 * @param reserveMs - time kept back for what closes after the drain
 */
export function drainBudgetMs(fallbackMs: number, reserveMs = 500): number {
  if (graceDeadline === undefined) return fallbackMs;
  return Math.max(0, graceDeadline - Date.now() - reserveMs);
}

/**
 * Runs the closers (last registered first) on SIGTERM or SIGINT, then exits 0; exits 1 when they
 * fail to finish within the grace period, and at once on a second signal.
 * @param logger - where to report
 * @param closers - in start order
 * @param options - graceMs: the bound on the whole shutdown (default {@link SHUTDOWN_GRACE_MS})
 */
export function registerShutdown(logger: Logger, closers: Closer[], options: { graceMs?: number } = {}): void {
  const graceMs = options.graceMs ?? SHUTDOWN_GRACE_MS.default;
  // A closed or broken stdout/stderr must not turn a console line into an uncaught exception.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    graceDeadline = Date.now() + graceMs;
    startWatchdog(graceMs + WATCHDOG_EXTRA_MS);
    setTimeout(() => {
      logger.error({ graceMs }, 'shutdown grace period over: exiting with resources still open');
      process.exit(1);
    }, graceMs);
    logger.info({ signal, graceMs }, 'shutting down');
    for (const close of [...closers].reverse()) {
      try {
        await close();
      } catch (error) {
        logger.error({ err: error }, 'error during shutdown');
      }
    }
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

/**
 * Starts a thread that kills this process after `ms`, even if the main thread never returns to
 * its event loop (a blocking write, a busy loop). It does not keep the process alive.
 * @param ms - delay before SIGKILL
 */
function startWatchdog(ms: number): void {
  const code = `setTimeout(() => process.kill(${process.pid}, 'SIGKILL'), ${ms});`;
  try {
    new Worker(code, { eval: true }).unref();
  } catch {
    // No thread available: the main-thread timer still bounds the shutdown.
  }
}
