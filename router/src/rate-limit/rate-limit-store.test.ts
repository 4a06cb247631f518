import { describe, expect, it } from 'vitest';
import { MemoryRateLimitStore } from './rate-limit-store.ts';

describe('MemoryRateLimitStore', () => {
  it('counts hits per key within a window and reports the time left', async () => {
    let now = 1_000;
    const store = new MemoryRateLimitStore(() => now);
    expect(await store.hit('user:a', 60_000)).toEqual({ count: 1, resetInMs: 60_000 });
    now += 15_000;
    expect(await store.hit('user:a', 60_000)).toEqual({ count: 2, resetInMs: 45_000 });
    expect(await store.hit('user:b', 60_000)).toEqual({ count: 1, resetInMs: 60_000 });
  });

  it('starts a new window once the old one has closed', async () => {
    let now = 0;
    const store = new MemoryRateLimitStore(() => now);
    await store.hit('ip:1', 1_000);
    await store.hit('ip:1', 1_000);
    now = 1_000;
    expect(await store.hit('ip:1', 1_000)).toEqual({ count: 1, resetInMs: 1_000 });
  });

  it('drops closed windows once it holds many keys', async () => {
    let now = 0;
    const store = new MemoryRateLimitStore(() => now);
    for (let i = 0; i < 10_000; i++) await store.hit(`ip:${i}`, 1_000);
    expect(store.size).toBe(10_000);
    now = 5_000;
    await store.hit('ip:new', 1_000);
    expect(store.size).toBe(1);
  });
});
