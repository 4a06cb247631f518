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

/** host:port of the run's real Kafka broker (started by test/global-setup.ts). */
export function testKafkaBrokers(): string {
  return inject('kafkaBrokers');
}

/**
 * URL of the run's real Redis (test/redis.ts). Throws with the reason when there is none, so a
 * test needing Redis fails loudly instead of skipping.
 */
export function testRedisUrl(): string {
  const { url, problem } = inject('redis');
  if (!url) throw new Error(`Redis is required by this test: ${problem}`);
  return url;
}
