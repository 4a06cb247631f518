/** The load shedder: slots, the bounded queue and its wait, and the latency-adapted limit. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoadShedder } from './load-shed.ts';

const limits = (extra: Partial<ConstructorParameters<typeof LoadShedder>[0]> = {}) =>
  new LoadShedder({ maxInFlight: 2, targetLatencyMs: 0, maxQueued: 1, queueMaxWaitMs: 1_000, retryAfterSeconds: 1, ...extra });

afterEach(() => {
  vi.useRealTimers();
});

describe('LoadShedder', () => {
  it('admits up to the limit, queues one, refuses past the queue at once, and hands a freed slot to the waiter', async () => {
    const shedder = limits();
    const first = await shedder.acquire();
    const second = await shedder.acquire();
    expect(first && second).toBeTruthy();
    const waiting = shedder.acquire();
    expect(await shedder.acquire()).toBeUndefined();
    expect(shedder.queued).toBe(1);
    first!();
    first!(); // idempotent
    const third = await waiting;
    expect(third).toBeTypeOf('function');
    expect(shedder.inFlight).toBe(2);
    expect(shedder.shed).toBe(1);
  });

  it('refuses a waiter once its wait runs out', async () => {
    vi.useFakeTimers();
    const shedder = limits({ maxInFlight: 1 });
    await shedder.acquire();
    const waiting = shedder.acquire();
    vi.advanceTimersByTime(1_001);
    expect(await waiting).toBeUndefined();
    expect(shedder.queued).toBe(0);
  });

  it('admits everything when off', async () => {
    const shedder = limits({ maxInFlight: 0, maxQueued: 0 });
    for (let i = 0; i < 100; i++) expect(await shedder.acquire()).toBeTypeOf('function');
  });

  it('cuts the limit while operations take longer than the target, and raises it again once they do not', async () => {
    vi.useFakeTimers();
    const shedder = limits({ maxInFlight: 32, targetLatencyMs: 100, maxQueued: 100 });
    const slow = async () => {
      const releases = await Promise.all(Array.from({ length: Math.min(5, shedder.limit) }, () => shedder.acquire()));
      vi.advanceTimersByTime(600);
      for (const release of releases) release!();
    };
    await slow();
    expect(shedder.limit).toBe(25);
    for (let i = 0; i < 10; i++) await slow();
    expect(shedder.limit).toBe(4);
    // Quick operations: a window closes on its fifth completion after half a second.
    for (let round = 0; round < 3; round++) {
      vi.advanceTimersByTime(600);
      for (let i = 0; i < 5; i++) (await shedder.acquire())!();
    }
    expect(shedder.limit).toBeGreaterThan(4);
  });

  it('takes a waiter whose client went away out of the queue at once', async () => {
    const shedder = limits({ maxInFlight: 1, maxQueued: 4 });
    const held = await shedder.acquire();
    const gone = new AbortController();
    const waiting = shedder.acquire({ signal: gone.signal });
    expect(shedder.queued).toBe(1);
    gone.abort();
    expect(await waiting).toBeUndefined();
    expect(shedder.queued).toBe(0);
    expect(shedder.shed).toBe(0);
    held!();
    expect(shedder.inFlight).toBe(0);
  });

  it('keeps an operation the client abandoned out of the latency signal', async () => {
    vi.useFakeTimers();
    const shedder = limits({ maxInFlight: 32, targetLatencyMs: 100, maxQueued: 100 });
    for (let round = 0; round < 3; round++) {
      const releases = await Promise.all(Array.from({ length: 5 }, () => shedder.acquire()));
      vi.advanceTimersByTime(600);
      for (const release of releases) release!(false);
    }
    expect(shedder.limit).toBe(32);
  });

  it('gives anonymous callers at most a quarter of the slots; signed-in callers still get the rest', async () => {
    const shedder = limits({ maxInFlight: 8, maxQueued: 8 });
    const anonymous = await Promise.all(Array.from({ length: 2 }, () => shedder.acquire({ anonymous: true })));
    expect(anonymous.every(Boolean)).toBe(true);
    // A third anonymous caller waits (its queue share is 2), though six slots are free.
    const third = shedder.acquire({ anonymous: true });
    expect(shedder.queued).toBe(1);
    const signedIn = await Promise.all(Array.from({ length: 6 }, () => shedder.acquire()));
    expect(signedIn.every(Boolean)).toBe(true);
    expect(shedder.inFlight).toBe(8);
    // A freed signed-in slot does not go to the anonymous waiter; a freed anonymous one does.
    signedIn[0]!();
    expect(shedder.queued).toBe(1);
    expect(await shedder.acquire()).toBeTypeOf('function');
    anonymous[0]!();
    expect(await third).toBeTypeOf('function');
    expect(shedder.queued).toBe(0);
  });
});
