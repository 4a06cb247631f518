/**
 * Composition root of the router: environment → logger → supergraph file → startRouter → /metrics → shutdown (the kit's runMain).
 */
import { readFileSync } from 'node:fs';
import { runMain } from '@hospital/service-kit';
import { loadConfig } from './env.ts';
import { startRouter } from './router.ts';
import { loadPersistedOperations } from './persisted-operations.ts';
import { connectRedisRateLimitStore } from './rate-limit/redis-rate-limit-store.ts';
import type { RateLimitStore } from './rate-limit/rate-limit-store.ts';

await runMain({
  name: 'router',
  env: process.env,
  loadConfig,
  // /metrics on a port of its own (ROUTER_METRICS_PORT; unset: not served), never the public one.
  metrics: (config) => config.metricsPort,
  start: async (config, { logger }) => {
    const supergraphSdl = readFileSync(config.supergraphPath, 'utf8');
    const persistedOperations = loadPersistedOperations(config.persistedOperations);
    logger.info({ mode: persistedOperations.mode, operations: persistedOperations.manifest.size }, 'persisted-operation safelist');
    // With REDIS_URL set, a Redis that does not answer stops the start: replicas counting apart
    // would each allow the whole budget.
    let rateLimitStore: RateLimitStore | undefined;
    if (config.redisUrl) {
      try {
        rateLimitStore = await connectRedisRateLimitStore({ url: config.redisUrl, logger: logger.child({ source: 'rate-limit' }) });
      } catch (error) {
        logger.fatal({ err: error }, 'cannot start without the rate-limit store');
        console.error(`Router not started: ${(error as Error).message}`);
        process.exit(1);
      }
    }
    const router = await startRouter({ ...config.router, supergraphSdl, persistedOperations, rateLimitStore }, { logger });
    logger.info({ url: router.url }, 'router listening');
    console.log(`Router ready at ${router.url}`);
    return rateLimitStore ? [rateLimitStore, router] : [router];
  },
});
