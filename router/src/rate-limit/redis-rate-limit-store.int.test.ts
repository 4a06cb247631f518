/**
 * The Redis store against the run's real Redis (testRedisUrl): atomic counting, windows that
 * expire, a refused start without Redis, and fail-open when Redis goes away at run time. Every
 * key of this run sits under its own prefix and is deleted at the end.
 */
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { createClient } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import { createLogger } from '@hospital/service-kit';
import { testRedisUrl } from '../../../test/helpers.ts';
import { RateLimiter } from './rate-limiter.ts';
import { connectRedisRateLimitStore, RedisUnavailableError } from './redis-rate-limit-store.ts';
import type { RateLimitStore } from './rate-limit-store.ts';

const prefix = `hospital:test:${randomUUID()}:ratelimit:`;
const silent = createLogger('test', 'silent');
interface Connected {
  url: string;
  admin: ReturnType<typeof createClient>;
  store: RateLimitStore;
}
let connected: Promise<Connected> | undefined;

/** Connects once, in the first test: without Redis each test fails with the reason, none is skipped. */
function redis(): Promise<Connected> {
  connected ??= (async () => {
    const url = testRedisUrl();
    const admin = createClient({ url });
    await admin.connect();
    return { url, admin, store: await connectRedisRateLimitStore({ url, keyPrefix: prefix, logger: silent }) };
  })();
  return connected;
}

afterAll(async () => {
  const open = await connected?.catch(() => undefined);
  if (!open) return;
  await open.store.close();
  for await (const keys of open.admin.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 })) if (keys.length > 0) await open.admin.del(keys);
  await open.admin.close();
});

/** A TCP hop to Redis that the test can cut, to play an outage. */
async function cuttableHop(target: string): Promise<{ url: string; cut(): void }> {
  const { hostname, port } = new URL(target);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect({ host: hostname, port: Number(port || 6379) });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const hopUrl = new URL(target);
  hopUrl.hostname = '127.0.0.1';
  hopUrl.port = String((server.address() as net.AddressInfo).port);
  return {
    url: hopUrl.toString(),
    cut() {
      server.close();
      for (const s of sockets) s.destroy();
    },
  };
}

describe('RedisRateLimitStore', () => {
  it('counts concurrent hits exactly once each, under the prefix, with the window as expiry', async () => {
    const { store, admin } = await redis();
    const key = `user:${randomUUID()}`;
    const results = await Promise.all(Array.from({ length: 50 }, () => store.hit(key, 60_000)));
    expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await admin.get(prefix + key)).toBe('50');
    const ttl = await admin.pTTL(prefix + key);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
    expect(results.every((r) => r.resetInMs > 0 && r.resetInMs <= 60_000)).toBe(true);
  });

  it('starts a new window when the old one expires', async () => {
    const { store } = await redis();
    const key = `ip:${randomUUID()}`;
    await store.hit(key, 300);
    expect((await store.hit(key, 300)).count).toBe(2);
    await new Promise((r) => setTimeout(r, 450));
    expect((await store.hit(key, 300)).count).toBe(1);
  });

  it('refuses to start when Redis does not answer, without showing the password', async () => {
    await redis();
    const closed = await new Promise<number>((resolve) => {
      const server = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      });
    });
    const attempt = connectRedisRateLimitStore({ url: `redis://:hunter2@127.0.0.1:${closed}`, logger: silent });
    await expect(attempt).rejects.toBeInstanceOf(RedisUnavailableError);
    await expect(attempt).rejects.toThrow(new RegExp(`Redis at redis://:\\*\\*\\*@127.0.0.1:${closed}.*does not answer`));
    await expect(attempt).rejects.not.toThrow(/hunter2/);
  });

  it('lets requests through, quickly, when Redis goes away at run time (fail-open)', async () => {
    const hop = await cuttableHop((await redis()).url);
    const lines: string[] = [];
    const logger = createLogger('test', 'info', { write: (line: string) => void lines.push(line) });
    const flaky = await connectRedisRateLimitStore({ url: hop.url, keyPrefix: prefix, logger, commandTimeoutMs: 300 });
    try {
      const limiter = new RateLimiter({ perUser: 1, perIp: 1, wsConnects: 1, windowSeconds: 60 }, flaky, logger);
      const user = randomUUID();
      expect((await limiter.take('user', user)).allowed).toBe(true);
      expect((await limiter.take('user', user)).allowed).toBe(false);
      hop.cut();
      const started = Date.now();
      for (let i = 0; i < 3; i++) expect((await limiter.take('user', user)).allowed).toBe(true);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(lines.some((l) => l.includes('fail-open'))).toBe(true);
    } finally {
      await flaky.close();
    }
  });
});
