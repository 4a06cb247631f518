/**
 * The explorer's exception to the safelist holds on its WebSocket too: in production, with the
 * safelist binding browsers, an admin on the router's own explorer page subscribes with a
 * free-form operation, while another role there, and an admin from any other browser origin,
 * are held to the safelist.
 */
import { randomUUID } from 'node:crypto';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, freePort, type RoleName } from '@hospital/service-kit';
import { startRouter, type RunningRouter } from '../src/index.ts';
import { webSocketWithHeaders } from './support/router-ws-client.ts';
import { testJwt } from './support/test-jwt.ts';
import { tinyRouterConfig } from './support/tiny-router.ts';
import { startTinySubgraph, type TinySubgraph } from './support/tiny-subgraph.ts';

const signer = testJwt('explorer-ws-key');
const WEB_APP = 'http://localhost:3000';

let pings: TinySubgraph;
let router: RunningRouter;
let explorerOrigin: string;
const clients: Client[] = [];

const tokenFor = (role: RoleName) => signer.sign({ sub: randomUUID(), role, email: `${role}@hospital.local` });

/** Subscribes once from a browser at `origin`; resolves the first result or the error. */
function subscribeFrom(origin: string, role: RoleName): Promise<unknown> {
  const client = createClient({
    url: router.url.replace(/^http/, 'ws'),
    webSocketImpl: webSocketWithHeaders({ origin }),
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${tokenFor(role)}` },
  });
  clients.push(client);
  return new Promise((resolve) => {
    client.subscribe({ query: 'subscription { ping }' }, { next: (value) => resolve(value), error: (error) => resolve({ error }), complete: () => undefined });
  });
}

beforeAll(async () => {
  pings = await startTinySubgraph(
    'pings',
    `type Query { hello: String @auth(requires: [ADMIN, DOCTOR]) }
     type Subscription { ping: String @auth(requires: [ADMIN, DOCTOR]) }`,
    {
      Query: { hello: () => 'hi' },
      Subscription: {
        ping: {
          subscribe: async function* () {
            yield { ping: 'pong' };
            // Held open: the router ends it when the client goes.
            await new Promise(() => undefined);
          },
        },
      },
    },
  );
  const port = await freePort();
  explorerOrigin = `http://127.0.0.1:${port}`;
  router = await startRouter(
    {
      ...tinyRouterConfig([pings], signer.routerJwt),
      port,
      production: true,
      explorer: true,
      // The explorer page's origin (the router's own) may open the WebSocket, as may the web app's.
      allowedOrigins: [explorerOrigin, WEB_APP],
      persistedOperations: { mode: 'enforce-browser', manifest: new Map() },
    },
    { logger: createLogger('explorer-ws-test', 'silent') },
  );
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await router?.close();
  await pings?.close();
});

describe("the explorer's WebSocket in production", () => {
  it('lets an admin subscribe free-form from the explorer page', async () => {
    expect(await subscribeFrom(explorerOrigin, 'admin')).toEqual({ data: { ping: 'pong' } });
  });

  it('holds another role on the explorer page, and an admin elsewhere, to the safelist', async () => {
    expect(JSON.stringify(await subscribeFrom(explorerOrigin, 'doctor'))).toContain('PERSISTED_OPERATION_REQUIRED');
    expect(JSON.stringify(await subscribeFrom(WEB_APP, 'admin'))).toContain('PERSISTED_OPERATION_REQUIRED');
  });
});
