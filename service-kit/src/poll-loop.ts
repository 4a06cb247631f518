/**
 * A background loop that polls (the notifications sender and event consumer, the appointments
 * outbox relay): run a tick; when it found work, run again at once; when idle,
 * wait the poll interval; when it failed, wait longer each time (exponential, capped). `wake()`
 * cuts a wait short (new work is known to be there); `stop()` ends the loop after the tick in flight.
 */
import type { Logger } from './logger.ts';

/** Options of a loop. */
export interface PollLoopOptions {
  /** Name for logs. */
  name: string;
  /** One round of work; resolves true when there may be more right away. */
  tick: () => Promise<boolean>;
  /** Wait when idle, in ms. */
  idleMs: number;
  /** Longest wait after repeated failures, in ms. */
  maxErrorBackoffMs: number;
  logger: Logger;
  /** The warning logged when a tick fails (default "poll loop tick failed"). */
  failedMessage?: string;
}

/** A running loop. */
export interface PollLoop {
  /** Runs the next tick now instead of after the current wait. */
  wake(): void;
  /** Stops after the tick in flight; resolves once it has. */
  stop(): Promise<void>;
}

/**
 * Starts a loop.
 * @param options - tick, intervals, logger
 */
export function startPollLoop(options: PollLoopOptions): PollLoop {
  let stopped = false;
  // A wake-up that arrives while a tick runs must not be lost: the next wait is skipped.
  let woken = false;
  let interrupt: (() => void) | undefined;
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (woken || stopped) {
        woken = false;
        resolve();
        return;
      }
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        interrupt = undefined;
        woken = false;
        resolve();
      }
      interrupt = done;
    });

  const run = async () => {
    let failures = 0;
    while (!stopped) {
      try {
        const more = await options.tick();
        if (failures > 0) options.logger.info({ loop: options.name, failures }, 'poll loop recovered');
        failures = 0;
        if (!more && !stopped) await sleep(options.idleMs);
      } catch (error) {
        failures += 1;
        const delay = Math.min(options.maxErrorBackoffMs, options.idleMs * 2 ** Math.min(failures, 20));
        options.logger.warn({ err: error, loop: options.name, failures, retryInMs: delay }, options.failedMessage ?? 'poll loop tick failed');
        if (!stopped) await sleep(delay);
      }
    }
  };
  const running = run();

  return {
    wake() {
      woken = true;
      interrupt?.();
    },
    async stop() {
      stopped = true;
      interrupt?.();
      await running;
    },
  };
}
