/**
 * A file of subscription tests: one whole system started before the file and closed after it,
 * with every socket client the tests opened disposed first, and a subscriber that records what
 * arrives (results, the error that ended it, or its completion).
 */
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll } from 'vitest';
import { startTestSystem, type TestSystem } from '@hospital/test-support/system';
import { testDatabaseUrl } from '../../../test/helpers.ts';
import { routerWsClient } from './router-ws-client.ts';

/** One result a subscriber received. */
export type Arrival = { data?: Record<string, unknown> | null; errors?: unknown };

/**
 * Starts the file's system (`started` hands it to the file) and returns the clients list the
 * file's own sockets join, and `subscribe`.
 * @param started - receives the running system, before any test runs
 */
export function socketsOnSystem(started: (system: TestSystem) => void) {
  let system: TestSystem | undefined;
  const clients: Client[] = [];
  beforeAll(async () => {
    system = await startTestSystem(testDatabaseUrl());
    started(system);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.dispose()));
    await system?.close();
  });

  /**
   * A client subscribed through the router (anonymous without a token), recording what arrives.
   * @param token - the subscriber's access token
   * @param query - the subscription
   * @param variables - its variables
   */
  const subscribe = (token: string | undefined, query: string, variables: Record<string, unknown> = {}) => {
    if (!system) throw new Error('subscribe: the system has not started (call it inside a test)');
    const client = routerWsClient(system.routerUrl, token);
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
