/**
 * Federated subscriptions through the router: the primary stream from the owning subgraph over
 * graphql-ws, fields of another subgraph resolved per event, the same @auth rules as HTTP,
 * tokens checked on connect and at expiry, Origin checked, identical subscriptions shared.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter, on } from 'node:events';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger, verifyIdentity, type RoleName } from '@hospital/service-kit';
import { composeSupergraph } from '../src/compose.ts';
import { startRouter, type RouterConfig, type RunningRouter } from '../src/index.ts';
import { webSocketWithHeaders } from './support/router-ws-client.ts';
import { testJwt } from './support/test-jwt.ts';
import { startTinySubgraph, type TinyContext, type TinySubgraph } from './support/tiny-subgraph.ts';
import { until as waitUntil } from '../../test/helpers.ts';

const signer = testJwt();
const INTERNAL_SECRET = randomBytes(32).toString('base64url');
const ORIGIN = 'http://localhost:3000';

const bus = new EventEmitter();
/** Upstream subscriptions the events subgraph received, by ward. */
const upstreamByWard = new Map<string, number>();
let events: TinySubgraph;
let people: TinySubgraph;
let router: RunningRouter;
let wsUrl: string;
/** The same router in production mode (masked errors). */
let prodRouter: RunningRouter;
const clients: Client[] = [];

const tokenFor = (role: RoleName, expiresIn = 300): string => signer.tokenFor(role, { expiresIn });

function connect(token: string | undefined, origin = ORIGIN, url = wsUrl): Client {
  const client = createClient({
    url,
    webSocketImpl: webSocketWithHeaders({ origin }),
    lazy: false,
    retryAttempts: 0,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
  });
  clients.push(client);
  return client;
}

/** Collects results of one subscription until n arrived, or the error / close that ended it. */
function collect(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const results: Array<Record<string, unknown>> = [];
  let ended: unknown;
  const done = new Promise<void>((resolve) => {
    client.subscribe(
      { query, variables },
      {
        next: (value) => void results.push(value as Record<string, unknown>),
        error: (error) => {
          ended = error;
          resolve();
        },
        complete: () => resolve(),
      },
    );
  });
  return { results, done, ended: () => ended };
}

/** Waits for `predicate`, polling every 20 ms (test/helpers.ts `until`). */
const until = (predicate: () => boolean, timeoutMs = 10_000) => waitUntil(predicate, timeoutMs, 20);

beforeAll(async () => {
  events = await startTinySubgraph(
    'events',
    `type Visit @key(fields: "id") { id: ID! ward: String! person: Person! }
     type Person @key(fields: "id", resolvable: false) { id: ID! }
     type Query { visit(id: ID!): Visit @auth(requires: [ADMIN, DOCTOR]) }
     type Subscription { visits(ward: String!): Visit! @auth(requires: [ADMIN, DOCTOR]) }`,
    {
      Query: { visit: (_: unknown, { id }: { id: string }) => ({ id, ward: 'A', person: { id: 'p1' } }) },
      Subscription: {
        visits: {
          subscribe: async function* (_: unknown, { ward }: { ward: string }, context: TinyContext) {
            // The router must sign the caller into connectionParams.
            const caller = verifyIdentity(context.connectionParams?.['identity'] as string | undefined, INTERNAL_SECRET);
            if (caller?.kind !== 'user') throw new Error('unsigned upstream connection');
            upstreamByWard.set(ward, (upstreamByWard.get(ward) ?? 0) + 1);
            for await (const [visit] of on(bus, 'visit')) {
              if ((visit as { ward: string }).ward === ward) yield { visits: visit };
            }
          },
        },
      },
    },
  );
  people = await startTinySubgraph(
    'people',
    `type Person @key(fields: "id") { id: ID! name: String! secret: String @auth(requires: [ADMIN]) fragile: String }
     type Query { person(id: ID!): Person @auth(requires: [ADMIN, DOCTOR]) }`,
    {
      Query: { person: (_: unknown, { id }: { id: string }) => ({ id, name: `Person ${id}` }) },
      Person: {
        __resolveReference: ({ id }: { id: string }) => ({ id, name: `Person ${id}`, secret: 's' }),
        // An internal failure whose message must not reach a client in production.
        fragile: () => {
          throw new Error('connection to 10.9.8.7:5432 refused (internal detail)');
        },
      },
    },
  );
  const composed = composeSupergraph([events, people].map((s) => ({ name: s.name, url: s.url, sdl: s.sdl })));
  expect(composed.errors).toEqual([]);
  const supergraphSdl = composed.supergraphSdl!;
  // The same router twice: in development (with tight WebSocket limits) and in production.
  const start = (config: Pick<RouterConfig, 'production' | 'wsLimits'>) =>
    startRouter(
      { port: 0, host: '127.0.0.1', supergraphSdl, subgraphUrls: {}, internalSecret: INTERNAL_SECRET, jwt: signer.routerJwt, allowedOrigins: [ORIGIN], ...config },
      { logger: createLogger('ws-test', 'silent') },
    );
  router = await start({ production: false, wsLimits: { subscriptionsPerConnection: 3, connectionsPerUser: 4 } });
  wsUrl = router.url.replace(/^http/, 'ws');
  prodRouter = await start({ production: true });
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await router?.close();
  await prodRouter?.close();
  await events?.close();
  await people?.close();
});

const VISITS = 'subscription($ward: String!) { visits(ward: $ward) { id ward person { id name } } }';

describe('federated subscriptions', () => {
  it('stream events with fields from another subgraph resolved per event', async () => {
    const sub = collect(connect(tokenFor('doctor')), VISITS, { ward: 'A' });
    await until(() => events.wsConnections.length > 0);
    await new Promise((r) => setTimeout(r, 100));
    bus.emit('visit', { id: 'v1', ward: 'A', person: { id: 'p7' } });
    bus.emit('visit', { id: 'v2', ward: 'B', person: { id: 'p8' } });
    bus.emit('visit', { id: 'v3', ward: 'A', person: { id: 'p9' } });
    await until(() => sub.results.length === 2);
    expect(sub.results.map((r) => r['data'])).toEqual([
      { visits: { id: 'v1', ward: 'A', person: { id: 'p7', name: 'Person p7' } } },
      { visits: { id: 'v3', ward: 'A', person: { id: 'p9', name: 'Person p9' } } },
    ]);
  });

  it('apply the role rules: a forbidden field or root field is refused, nothing is opened upstream', async () => {
    const before = events.wsConnections.length;
    const forbidden = collect(connect(tokenFor('doctor')), 'subscription { visits(ward: "A") { id person { secret } } }');
    await forbidden.done;
    expect(JSON.stringify(forbidden.ended())).toContain('FORBIDDEN');
    const wrongRole = collect(connect(tokenFor('finance')), 'subscription { visits(ward: "A") { id } }');
    await wrongRole.done;
    expect(JSON.stringify(wrongRole.ended())).toContain('FORBIDDEN');
    expect(events.wsConnections.length).toBe(before);
  });

  it('refuse connections without a valid token or from a foreign origin', async () => {
    const closes: number[] = [];
    for (const [token, origin] of [
      [undefined, ORIGIN],
      ['not-a-token', ORIGIN],
      [tokenFor('doctor', -10), ORIGIN],
      [tokenFor('doctor'), 'https://evil.example'],
    ] as const) {
      const client = createClient({
        url: wsUrl,
        webSocketImpl: webSocketWithHeaders({ origin }),
        retryAttempts: 0,
        lazy: false,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        on: { closed: (event) => void closes.push((event as { code: number }).code) },
      });
      clients.push(client);
    }
    await until(() => closes.length === 4);
    expect(closes).toEqual([4401, 4401, 4401, 4403]);
  });

  it('close the connection when the token expires', async () => {
    let closedWith: number | undefined;
    const client = createClient({
      url: wsUrl,
      webSocketImpl: webSocketWithHeaders({ origin: ORIGIN }),
      retryAttempts: 0,
      lazy: false,
      connectionParams: { authorization: `Bearer ${tokenFor('admin', 2)}` },
      on: { closed: (event) => void (closedWith = (event as { code: number }).code) },
    });
    clients.push(client);
    collect(client, VISITS, { ward: 'Z' });
    await until(() => closedWith !== undefined, 8_000);
    expect(closedWith).toBe(4401);
  });

  it('share one upstream subscription between identical subscriptions of a caller', async () => {
    const a = collect(connect(tokenFor('admin')), VISITS, { ward: 'S' });
    const b = collect(connect(tokenFor('admin')), VISITS, { ward: 'S' });
    await until(() => upstreamByWard.get('S') === 1);
    await new Promise((r) => setTimeout(r, 200));
    bus.emit('visit', { id: 's1', ward: 'S', person: { id: 'p1' } });
    await until(() => a.results.length === 1 && b.results.length === 1);
    expect(upstreamByWard.get('S')).toBe(1);
  });

  it('limit subscriptions per connection', async () => {
    const client = connect(tokenFor('doctor'));
    const subs = [1, 2, 3, 4].map((i) => collect(client, VISITS, { ward: `L${i}` }));
    await subs[3]!.done;
    expect(JSON.stringify(subs[3]!.ended())).toMatch(/Too many subscriptions/);
  });

  it('close on protocol violations with the fitting code, never as an internal error', async () => {
    // graphql-ws reports both as "Internal error" on stderr (and the first with 4500): they are the client's.
    const printed = vi.spyOn(console, 'error');
    const closeCodeAfter = async (frames: Array<string | Buffer>) => {
      const socket = new WebSocket(wsUrl, 'graphql-transport-ws', { headers: { origin: ORIGIN } });
      const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
      socket.on('error', () => {});
      await new Promise((resolve) => socket.once('open', resolve));
      socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${tokenFor('doctor')}` } }));
      await new Promise((resolve) => socket.once('message', resolve));
      for (const frame of frames) socket.send(frame, { binary: false });
      return closed;
    };
    try {
      // A message only a server sends.
      expect(await closeCodeAfter([JSON.stringify({ type: 'next', id: '1', payload: { data: {} } })])).toBe(4400);
      // A message past the 64 KB limit, and text that is not UTF-8: the WebSocket layer's codes.
      expect(await closeCodeAfter(['x'.repeat(65 * 1024)])).toBe(1009);
      expect(await closeCodeAfter([Buffer.from([0xc3, 0x28])])).toBe(1007);
      expect(printed.mock.calls.map((c) => String(c[0])).filter((m) => /Internal error/.test(m))).toEqual([]);
    } finally {
      printed.mockRestore();
    }
  });
});

describe('errors over the WebSocket', () => {
  it('are masked in production exactly like HTTP ones, and only there', async () => {
    const query = 'subscription($ward: String!) { visits(ward: $ward) { id person { fragile } } }';
    const prod = collect(connect(tokenFor('doctor'), ORIGIN, prodRouter.url.replace(/^http/, 'ws')), query, { ward: 'M1' });
    const dev = collect(connect(tokenFor('doctor')), query, { ward: 'M2' });
    await until(() => upstreamByWard.has('M1') && upstreamByWard.has('M2'));
    await new Promise((r) => setTimeout(r, 100));
    bus.emit('visit', { id: 'm1', ward: 'M1', person: { id: 'p1' } });
    bus.emit('visit', { id: 'm2', ward: 'M2', person: { id: 'p2' } });
    await until(() => prod.results.length === 1 && dev.results.length === 1);
    const prodErrors = prod.results[0]!['errors'] as Array<{ message: string; extensions?: Record<string, unknown> }>;
    expect(prodErrors.map((e) => [e.message, e.extensions?.['code']])).toEqual([['Internal server error', 'INTERNAL_SERVER_ERROR']]);
    expect(JSON.stringify(prod.results)).not.toContain('10.9.8.7');
    expect(JSON.stringify(dev.results)).toContain('10.9.8.7');
  });

  it('refusals in production keep their code and lose the schema hints', async () => {
    const refused = collect(connect(tokenFor('doctor'), ORIGIN, prodRouter.url.replace(/^http/, 'ws')), 'subscription { visits(ward: "A") { id persn { id } } }');
    await refused.done;
    const errors = refused.ended() as Array<{ message: string; extensions?: Record<string, unknown> }>;
    expect(errors[0]?.extensions?.['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(errors)).not.toMatch(/Did you mean/);
  });
});
