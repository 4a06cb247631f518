import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { wakeableSleep } from './wakeable-sleep.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Whether `promise` has settled once pending callbacks have run. */
async function settled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

it('waits the time asked for', async () => {
  const { sleep } = wakeableSleep();
  const waiting = sleep(1_000);
  await vi.advanceTimersByTimeAsync(999);
  expect(await settled(waiting)).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  expect(await settled(waiting)).toBe(true);
});

it('ends the sleep in progress at wake()', async () => {
  const { sleep, wake } = wakeableSleep();
  const waiting = sleep(60_000);
  wake();
  expect(await settled(waiting)).toBe(true);
  expect(vi.getTimerCount()).toBe(0);
});

it('a wake with no sleep in progress is not kept for the next one', async () => {
  const { sleep, wake } = wakeableSleep();
  wake();
  const first = sleep(10);
  await vi.advanceTimersByTimeAsync(10);
  await first;
  // The first sleep is over: waking now ends nothing.
  wake();
  const next = sleep(1_000);
  expect(await settled(next)).toBe(false);
  await vi.advanceTimersByTimeAsync(1_000);
  expect(await settled(next)).toBe(true);
});
