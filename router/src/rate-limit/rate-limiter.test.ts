import { describe, expect, it } from 'vitest';
import { createLogger } from '@hospital/service-kit';
import { MemoryRateLimitStore, type RateLimitStore } from './rate-limit-store.ts';
import { rateLimitMessage, RateLimiter } from './rate-limiter.ts';

const silent = createLogger('test', 'silent');
const limits = { perUser: 2, perIp: 3, wsConnects: 1, windowSeconds: 60 };

describe('RateLimiter', () => {
  it('allows each budget up to its limit, then refuses with the seconds left in the window', async () => {
    let now = 0;
    const limiter = new RateLimiter(limits, new MemoryRateLimitStore(() => now), silent);
    expect(await limiter.take('user', 'u1')).toEqual({ allowed: true });
    now = 20_400;
    expect(await limiter.take('user', 'u1')).toEqual({ allowed: true });
    expect(await limiter.take('user', 'u1')).toEqual({ allowed: false, bucket: 'user', retryAfterSeconds: 40 });
    // Other users, and the same id in another budget, count apart.
    expect(await limiter.take('user', 'u2')).toEqual({ allowed: true });
    expect(await limiter.take('ws-connect-user', 'u1')).toEqual({ allowed: true });
    expect(await limiter.take('ws-connect-user', 'u1')).toMatchObject({ allowed: false, bucket: 'ws-connect-user' });
  });

  it('treats a limit of 0 as no limit', async () => {
    const limiter = new RateLimiter({ ...limits, perIp: 0 }, new MemoryRateLimitStore(), silent);
    for (let i = 0; i < 10; i++) expect((await limiter.take('ip', '10.0.0.1')).allowed).toBe(true);
  });

  it('fails open, and logs, when the store fails', async () => {
    const lines: string[] = [];
    const broken: RateLimitStore = {
      hit: async () => {
        throw new Error('connection refused');
      },
      close: async () => {},
    };
    const limiter = new RateLimiter(limits, broken, createLogger('test', 'info', { write: (line: string) => void lines.push(line) }));
    for (let i = 0; i < 5; i++) expect(await limiter.take('user', 'u1')).toEqual({ allowed: true });
    // Logged once, not once per request.
    expect(lines.filter((l) => l.includes('fail-open'))).toHaveLength(1);
  });

  it('words refusals for each budget and carries the retry time', () => {
    expect(rateLimitMessage({ allowed: false, bucket: 'ip', retryAfterSeconds: 7 })).toBe('Too many requests from this address; retry in 7 s.');
    expect(rateLimitMessage({ allowed: false, bucket: 'user', retryAfterSeconds: 1 })).toBe('Too many requests for this account; retry in 1 s.');
    expect(rateLimitMessage({ allowed: false, bucket: 'ws-connect-ip', retryAfterSeconds: 3 })).toBe('Too many connection attempts; retry in 3 s.');
  });
});
