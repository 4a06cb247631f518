/**
 * Fixed-window counters behind one small interface: in memory for a single router, in Redis when
 * several replicas must share one budget (redis-rate-limit-store.ts).
 */

/** The state of one key's window after a hit. */
export interface WindowCount {
  /** Hits in the current window, this one included. */
  count: number;
  /** Milliseconds until the window closes and the count starts again. */
  resetInMs: number;
}

/** Where the counters live. */
export interface RateLimitStore {
  /**
   * Counts one hit on a key. The first hit opens a window of `windowMs`; later hits in it add up.
   * @param key - what is limited, e.g. `user:<id>` (stores add their own prefix where shared)
   * @param windowMs - the window length
   */
  hit(key: string, windowMs: number): Promise<WindowCount>;
  /** Releases connections and timers. */
  close(): Promise<void>;
}

/** How many keys the memory store holds before it sweeps closed windows. */
const SWEEP_ABOVE = 10_000;

/** Counters in this process: the default, right for one router instance. */
export class MemoryRateLimitStore implements RateLimitStore {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();
  private nextSweepAt = 0;

  /**
   * @param now - the clock (tests pass their own)
   */
  constructor(private readonly now: () => number = Date.now) {}

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      // Closed windows are dropped now and then, so one-off addresses cannot grow the map forever.
      if (this.windows.size >= SWEEP_ABOVE && now >= this.nextSweepAt) this.sweep(now);
      window = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetInMs: window.resetAt - now };
  }

  /** Keys with an open window (for tests). */
  get size(): number {
    return this.windows.size;
  }

  async close(): Promise<void> {
    this.windows.clear();
  }

  private sweep(now: number): void {
    this.nextSweepAt = now + 1000;
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
