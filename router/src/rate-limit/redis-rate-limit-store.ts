/**
 * Rate-limit counters in Redis, shared by every router replica. One Lua script increments a key
 * and gives a new key its expiry in the same atomic step, so concurrent replicas never lose a hit
 * and no key is left without a window.
 */
import { createClient } from 'redis';
import type { Logger } from '@hospital/service-kit';
import type { RateLimitStore, WindowCount } from './rate-limit-store.ts';

/** Prefix of every key the router writes. */
export const DEFAULT_REDIS_KEY_PREFIX = 'hospital:ratelimit:';

// INCR, then PEXPIRE on the first hit (or on a key that somehow lost its expiry); returns the
// count and the milliseconds left in the window.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return { count, ttl }
`;

/** Thrown at startup when Redis cannot be reached. */
export class RedisUnavailableError extends Error {
  override name = 'RedisUnavailableError';
}

/** Shows a Redis URL without its password. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/**
 * Connects to Redis and proves it answers (PING); rejects with {@link RedisUnavailableError}
 * otherwise, so a router configured for Redis never starts without it.
 * @param options - the URL, the key prefix, how long one command may take, and the logger
 */
export async function connectRedisRateLimitStore(options: {
  url: string;
  keyPrefix?: string;
  commandTimeoutMs?: number;
  connectTimeoutMs?: number;
  logger: Logger;
}): Promise<RateLimitStore> {
  const { logger } = options;
  const shownUrl = redactRedisUrl(options.url);
  const prefix = options.keyPrefix ?? DEFAULT_REDIS_KEY_PREFIX;
  let started = false;
  let lastErrorLogAt = 0;
  const client = createClient({
    url: options.url,
    // Commands fail at once while disconnected instead of queueing: the limiter then fails open.
    disableOfflineQueue: true,
    commandOptions: { timeout: options.commandTimeoutMs ?? 500 },
    socket: {
      connectTimeout: options.connectTimeoutMs ?? 2_000,
      // At startup one failure is final; later the client keeps reconnecting in the background.
      reconnectStrategy: (retries, cause) => (started ? Math.min(100 * 2 ** retries, 5_000) : new RedisUnavailableError(cause.message)),
    },
  });
  client.on('error', (error: unknown) => {
    if (!started) return;
    // Once per 10 s at most: a Redis outage must not drown the log.
    const now = Date.now();
    if (now - lastErrorLogAt < 10_000) return;
    lastErrorLogAt = now;
    logger.error({ err: error, redis: shownUrl }, 'Redis rate-limit store unavailable; requests are let through (fail-open)');
  });
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    if (client.isOpen) client.destroy();
    const reason = error instanceof Error ? error.message : String(error);
    throw new RedisUnavailableError(`Redis at ${shownUrl} (REDIS_URL) does not answer: ${reason}`);
  }
  started = true;
  logger.info({ redis: shownUrl, prefix }, 'rate limits counted in Redis');

  return {
    async hit(key: string, windowMs: number): Promise<WindowCount> {
      const reply = (await client.eval(HIT_SCRIPT, { keys: [prefix + key], arguments: [String(windowMs)] })) as [number, number];
      return { count: Number(reply[0]), resetInMs: Math.max(0, Number(reply[1])) };
    },
    async close() {
      started = false;
      // A graceful close waits for a reply; mid-outage there is none to wait for.
      if (client.isReady) await client.close();
      else if (client.isOpen) client.destroy();
    },
  };
}
