/**
 * A file of subscription tests: one whole system started before the file and closed after it,
 * with every socket client the tests opened disposed first, and a subscriber that records what
 * arrives (results, the error that ended it, or its completion).
 */
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll } from 'vitest';
import { startTestSystem, type TestSystem } from '@hospital/test-support/system';
import { testDatabaseUrl } from '../../../test/helpers.ts';
import { startSystemWithIdentity, type SystemWithIdentity } from './client-apps.ts';
import { routerWsClient } from './router-ws-client.ts';
import { SYSTEM_START_TIMEOUT_MS, type SystemOptions } from './system-database.ts';

/** One result a subscriber received. */
export type Arrival = { data?: Record<string, unknown> | null; errors?: unknown };

/**
 * Starts the file's system (`started` hands it to the file) and returns the clients list the
 * file's own sockets join, and `subscribe`.
 * @param started - receives the running system, before any test runs
 * @param options - the file's system settings
 * @param databaseUrl - the database to start it on (default: the run's); a file whose subscribers
 *   must see only its own events passes its own (see test/own-database.ts): the topics are named
 *   after the database, so other files' systems then publish elsewhere
 */
export function socketsOnSystem(started: (system: TestSystem) => void, options?: SystemOptions, databaseUrl: () => string = testDatabaseUrl) {
  return socketsOn(
    async () => {
      const system = await startTestSystem(databaseUrl(), options);
      return { system, close: () => system.close() };
    },
    (harness) => started(harness.system),
  );
}

/**
 * {@link socketsOnSystem} with a gRPC client of the identity service (app registrations), closed
 * before the system.
 * @param started - receives the system, its identity client and the router's origin
 * @param options - the file's system settings
 */
export function socketsOnSystemWithIdentity(started: (harness: SystemWithIdentity) => void, options?: SystemOptions) {
  return socketsOn(() => startSystemWithIdentity(testDatabaseUrl(), options), started);
}

/**
 * The hooks and the subscriber of both set-ups.
 * @param start - starts the system (and whatever comes with it)
 * @param started - hands it to the file
 */
function socketsOn<H extends { system: TestSystem; close(): Promise<void> }>(start: () => Promise<H>, started: (harness: H) => void) {
  let harness: H | undefined;
  const clients: Client[] = [];
  beforeAll(async () => {
    harness = await start();
    started(harness);
  }, SYSTEM_START_TIMEOUT_MS);
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await harness?.close();
  });

  /**
   * A client subscribed through the router (anonymous without a token), recording what arrives.
   * @param token - the subscriber's access token
   * @param query - the subscription
   * @param variables - its variables
   */
  const subscribe = (token: string | undefined, query: string, variables: Record<string, unknown> = {}) => {
    if (!harness) throw new Error('subscribe: the system has not started (call it inside a test)');
    const client = routerWsClient(harness.system.routerUrl, token);
    clients.push(client);
    const arrivals: Arrival[] = [];
    let ended: unknown;
    const done = new Promise<void>((resolve) => {
      client.subscribe({ query, variables }, { next: (r) => void arrivals.push(r), error: (e) => ((ended = e), resolve()), complete: () => resolve() });
    });
    return { client, arrivals, done, ended: () => ended };
  };
  return { clients, subscribe };
}
