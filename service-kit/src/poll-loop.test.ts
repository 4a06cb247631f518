import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.ts';
import { startPollLoop } from './poll-loop.ts';

const logger = createLogger('poll-loop-test', 'silent');

async function until(predicate: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('startPollLoop', () => {
  it('runs again at once while there is work, then waits; wake() cuts the wait short', async () => {
    let ticks = 0;
    const loop = startPollLoop({ name: 't', idleMs: 60_000, maxErrorBackoffMs: 60_000, logger, tick: async () => ++ticks < 3 });
    await until(() => ticks === 3);
    loop.wake();
    await until(() => ticks === 4);
    await loop.stop();
    expect(ticks).toBe(4);
  });

  it('keeps going after failures, and stop() ends a long backoff', async () => {
    let ticks = 0;
    const loop = startPollLoop({
      name: 't',
      idleMs: 1,
      maxErrorBackoffMs: 60_000,
      logger,
      tick: async () => {
        ticks += 1;
        if (ticks < 3) throw new Error('database away');
        return false;
      },
    });
    await until(() => ticks >= 3);
    const started = Date.now();
    await loop.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
