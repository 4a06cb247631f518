/// <reference path="./provided-context.d.ts" />
/** Helpers every test file may use. */
import { inject } from 'vitest';

/**
 * URL of the run's shared, migrated test database (created by test/global-setup.ts), as the
 * services connect: a role with only the services' rights (no DDL, append-only audit trail).
 * Tests sharing it must not assume empty tables: create what you read, with unique values.
 */
export function testDatabaseUrl(): string {
  return inject('databaseUrl');
}

/**
 * The run's database as its owner: pass it as `serverUrl` to createTestDatabase or to the schema
 * drift check (creating databases needs the owner's rights; the services' role has none).
 */
export function testServerUrl(): string {
  return inject('databaseOwnerUrl');
}

/**
 * This run's own folder (test/global-setup.ts removes it at the end): where a file puts what the
 * next file may reuse, such as the web app's production build the browser tests serve.
 */
export function testRunDir(): string {
  return inject('runDir');
}

// The broker lives in test-support (its department starters read it); re-exported for tests.
export { testKafkaBrokers, useKafkaBrokersOutsideVitest } from '@hospital/test-support/kafka-brokers';

/**
 * URL of the run's real Redis (test/redis.ts). Throws with the reason when there is none, so a
 * test needing Redis fails loudly instead of skipping.
 */
export function testRedisUrl(): string {
  const { url, problem } = inject('redis');
  if (!url) throw new Error(`Redis is required by this test: ${problem}`);
  return url;
}

/**
 * Waits until `predicate` holds, checking every `everyMs`; throws when `timeoutMs` passes first.
 * @param predicate - the condition (synchronous: it reads what callbacks recorded)
 * @param timeoutMs - how long to wait at most
 * @param everyMs - how often to check
 */
export async function until(predicate: () => boolean, timeoutMs = 10_000, everyMs = 10): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
