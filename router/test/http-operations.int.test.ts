/**
 * Requests the gateway cannot execute are the client's mistake, not a masked 500: a document
 * whose operation cannot be picked (unknown operationName, or several operations and none named)
 * is 400 OPERATION_RESOLUTION_FAILURE, and a subscription over HTTP is 400 BAD_REQUEST (they run
 * over WebSocket). Both found by the fuzz suite (test/fuzz/graphql.fuzz.int.test.ts).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createLogger } from '@hospital/service-kit';
import { composeSupergraph } from '../src/compose.ts';
import { startRouter, type RunningRouter } from '../src/index.ts';
import { es256KeyPair } from './support/test-jwt.ts';
import { startTinySubgraph, type TinySubgraph } from './support/tiny-subgraph.ts';

let subgraph: TinySubgraph;
let router: RunningRouter;

beforeAll(async () => {
  subgraph = await startTinySubgraph('staff', 'type Query { ping: String! @public } type Subscription { ticks: Int! @public }', {
    Query: { ping: () => 'pong' },
    Subscription: {
      ticks: {
        async *subscribe() {
          yield { ticks: 1 };
        },
      },
    },
  });
  const composed = composeSupergraph([{ name: subgraph.name, url: subgraph.url, sdl: subgraph.sdl }]);
  expect(composed.errors).toEqual([]);
  const { publicKey } = es256KeyPair();
  router = await startRouter(
    {
      port: 0,
      host: '127.0.0.1',
      supergraphSdl: composed.supergraphSdl!,
      subgraphUrls: { staff: subgraph.url },
      internalSecret: randomBytes(32).toString('base64url'),
      jwt: { keys: [{ keyId: 'k', publicKeyPem: publicKey }], issuer: 'hospital-identity', audience: 'hospital-api' },
      production: true,
    },
    { logger: createLogger('router-test', 'silent') },
  );
});

afterAll(async () => {
  await router?.close();
  await subgraph?.close();
});

it.each([
  ['an unknown operationName', { query: 'query A { ping }', operationName: 'Nope' }, 'operationName "Nope" names no operation of the document (it holds: A).'],
  ['several operations and no name', { query: 'query A { ping } query B { ping }' }, 'Name one operation of the document in operationName (it holds: A, B).'],
])('answers %s with 400 OPERATION_RESOLUTION_FAILURE, naming what the document holds', async (_what, body, message) => {
  const response = await fetch(router.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await response.json()) as { errors?: Array<{ message?: string; extensions?: { code?: string } }> };
  expect(response.status).toBe(400);
  expect(json.errors?.[0]?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
  expect(json.errors?.[0]?.message).toBe(message);
});

it('answers a subscription over HTTP with 400 BAD_REQUEST', async () => {
  const response = await fetch(router.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: 'subscription { ticks }' }) });
  const json = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
  expect(response.status).toBe(400);
  expect(json.errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
});

it('still runs the named operation of several', async () => {
  const response = await fetch(router.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query A { ping } query B { ping }', operationName: 'B' }),
  });
  expect(await response.json()).toEqual({ data: { ping: 'pong' } });
});
