/** One harness per test file, the way every service's integration tests hold theirs (`@hospital/service-kit/testing`). */
import { afterAll, beforeAll } from 'vitest';

/**
 * Starts a harness before the file's tests (beforeAll) and closes it after them (afterAll).
 * The handle forwards to the started harness; reading it before beforeAll has run (at the top
 * level of the file, while tests are being collected) throws instead of reading undefined.
 * @param start - starts the harness (its services, clients and database pool)
 * @param startTimeoutMs - how long the start may take (default: the run's hook timeout)
 * @returns a stand-in for the harness, to read inside tests and hooks
 */
export function harnessForFile<H extends { close(): unknown }>(start: () => Promise<H>, startTimeoutMs?: number): H {
  let started: H | undefined;
  beforeAll(async () => {
    started = await start();
  }, startTimeoutMs);
  afterAll(async () => {
    await started?.close();
  });
  return new Proxy({} as H, {
    get(_target, key) {
      if (!started) throw new Error(`The harness is not started yet: read \`${String(key)}\` inside a test or hook.`);
      const value: unknown = Reflect.get(started, key, started);
      // Methods keep their harness as `this` when called through the stand-in.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(started) : value;
    },
  });
}
