/** One row of the README role table for a subscription field, walked over the router's WebSocket. */
import type { Client } from 'graphql-ws';
import { expect } from 'vitest';
import type { TestSystem } from '@hospital/test-support/system';
import { until } from '../../../test/helpers.ts';
import { routerWsClient } from './router-ws-client.ts';

/**
 * Subscribes as the bearer of `token`. Allowed: the owning subgraph gains an upstream
 * subscription, nothing ends it, and it is released again once the client leaves (so the next row
 * counts from a settled number). Refused: the stream ends with FORBIDDEN.
 * @param system - the running test system
 * @param clients - the file's clients, disposed after its tests
 * @param row - the owning subgraph, the caller's token, the subscription, and whether the role may subscribe
 */
export async function expectSubscriptionAccess(system: TestSystem, clients: Client[], row: { subgraph: string; token: string; query: string; allowed: boolean }): Promise<void> {
  const before = system.activeSubscriptions(row.subgraph);
  const client = routerWsClient(system.routerUrl, row.token);
  clients.push(client);
  let ended: unknown;
  const done = new Promise<void>((resolve) => {
    client.subscribe({ query: row.query }, { next: () => {}, error: (error) => ((ended = error), resolve()), complete: () => resolve() });
  });
  if (row.allowed) {
    await until(() => system.activeSubscriptions(row.subgraph) >= before + 1);
    expect(ended).toBeUndefined();
    await client.dispose();
    await until(() => system.activeSubscriptions(row.subgraph) === before);
  } else {
    await done;
    expect(JSON.stringify(ended)).toContain('"code":"FORBIDDEN"');
  }
}
