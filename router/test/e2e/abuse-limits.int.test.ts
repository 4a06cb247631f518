/**
 * Abuse limits through the real system: operations over the cost limit and callers over their
 * rate limits are refused on HTTP and on the WebSocket before any subgraph is called. Rate limits
 * count in the run's real Redis, under a key prefix of this file's own. Subgraph calls are counted
 * from the subgraphs' own "operation" log lines (one per request they serve).
 */
import { randomUUID } from 'node:crypto';
import type { Client } from 'graphql-ws';
import { createClient as createRedisClient } from 'redis';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@hospital/service-kit';
import { testDatabaseUrl, testRedisUrl, until } from '../../../test/helpers.ts';
import { startRouter, type RouterConfig, type RunningRouter } from '../../src/index.ts';
import { connectRedisRateLimitStore } from '../../src/rate-limit/redis-rate-limit-store.ts';
import type { RateLimitStore } from '../../src/rate-limit/rate-limit-store.ts';
import { startTestSystem, type TestSystem } from '@hospital/test-support/system';
import { bearerHeader } from '@hospital/test-support/bearer';
import { routerConfigFor } from '@hospital/test-support/router-config';
import { routerWsClient } from '../support/router-ws-client.ts';

const prefix = `hospital:test:${randomUUID()}:ratelimit:`;
const silent = createLogger('abuse-limits', 'silent');

let system: TestSystem;
/** The run's Redis, or why there is none: then only the tests needing it fail, with the reason. */
let redisUrl: string | undefined;
let redisProblem: unknown;
let store: RateLimitStore | undefined;
const routers: RunningRouter[] = [];
const stores: RateLimitStore[] = [];
const clients: Client[] = [];
const sockets: WebSocket[] = [];
const lines: Array<Record<string, unknown>> = [];

/** Requests the subgraphs have served so far. */
const subgraphCalls = () => lines.filter((l) => l['source'] === 'operation').length;

function requireRedis(): string {
  if (!redisUrl) throw redisProblem;
  return redisUrl;
}

beforeAll(async () => {
  try {
    redisUrl = testRedisUrl();
    store = await connectRedisRateLimitStore({ url: redisUrl, keyPrefix: prefix, logger: silent });
  } catch (error) {
    redisUrl = undefined;
    redisProblem = error;
  }
  system = await startTestSystem(testDatabaseUrl(), {
    logDestination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
    // Default budgets, counted in Redis: the cost tests below stay far inside them.
    abuseLimits: store ? { rateLimitStore: store } : {},
  });
});

afterAll(async () => {
  for (const client of clients) await client.dispose();
  for (const socket of sockets) socket.terminate();
  for (const router of routers) await router.close();
  for (const limited of stores) await limited.close();
  await system?.close();
  await store?.close();
  if (!redisUrl) return;
  const redis = createRedisClient({ url: redisUrl });
  await redis.connect();
  for await (const keys of redis.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 })) if (keys.length > 0) await redis.del(keys);
  await redis.close();
});

/** A second router over the same subgraphs, with its own limits and budgets (own key prefix) in the same Redis. */
async function limitedRouter(options: Pick<RouterConfig, 'rateLimits' | 'trustProxy'>): Promise<RunningRouter & { keyPrefix: string }> {
  const keyPrefix = `${prefix}${routers.length}:`;
  const limitedStore = await connectRedisRateLimitStore({ url: requireRedis(), keyPrefix, logger: silent });
  stores.push(limitedStore);
  const router = await startRouter(
    {
      ...routerConfigFor(system),
      // Production formatting: the refusals must keep their code and retry time there too.
      production: true,
      rateLimitStore: limitedStore,
      ...options,
    },
    { logger: silent },
  );
  routers.push(router);
  return Object.assign(router, { keyPrefix });
}

interface Answer {
  status: number;
  retryAfter: string | null;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

async function post(url: string, query: string, options: { token?: string; headers?: Record<string, string>; variables?: Record<string, unknown> } = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...bearerHeader(options.token), ...options.headers },
    body: JSON.stringify({ query, variables: options.variables }),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Answer['body'] };
}

/** A graphql-ws client, optionally sending X-Forwarded-For on the handshake. */
function wsClient(url: string, token: string, forwardedFor?: string): Client {
  const client = routerWsClient(url, token, forwardedFor ? { 'x-forwarded-for': forwardedFor } : {});
  clients.push(client);
  return client;
}

/**
 * Subscribes and resolves with the refusal, or with 'open' once the subgraph holds one more
 * subscription (identical subscriptions share one upstream, so each test document differs).
 */
async function subscribeOutcome(client: Client, query: string, variables?: Record<string, unknown>): Promise<unknown> {
  const before = system.activeSubscriptions('appointments');
  return new Promise((resolve) => {
    const poll = setInterval(() => {
      if (system.activeSubscriptions('appointments') > before) finish('open');
    }, 10);
    const timer = setTimeout(() => finish('no answer within 10 s'), 10_000);
    const finish = (outcome: unknown) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve(outcome);
    };
    client.subscribe({ query, variables }, { next: () => {}, error: finish, complete: () => finish('complete') });
  });
}

const closedWith = (client: Client) =>
  new Promise<{ code: number; reason: string }>((resolve) => client.on('closed', (event) => resolve(event as { code: number; reason: string })));

const BIG_PAGES = 'query Big($n: Int) { patients(first: 100) { edges { node { id appointments(first: $n) { edges { node { id } } } } } } }';
const BIG_SUBSCRIPTION =
  'subscription Big($n: Int) { appointmentEvents { id appointment { patient { appointments(first: $n) { edges { node { patient { prescriptions(first: 100) { id } } } } } } } } }';
/** Distinct cheap subscriptions. */
const live = (n: number) => `subscription Live${n} { appointmentEvents { id ${['type', 'occurredAt', 'appointment { id }'].slice(0, n).join(' ')} } }`;
const ME = '{ me { id } }';

describe('operation cost', () => {
  it('refuses a costly operation on HTTP with the cost and the limit, reading page sizes from the variables, before any subgraph call', async () => {
    const token = await system.tokenFor('admin');
    const before = subgraphCalls();
    const refused = await post(system.routerUrl, BIG_PAGES, { token, variables: { n: 100 } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/too costly: it costs 70700 \(at most 5000\)/),
        extensions: expect.objectContaining({ code: 'OPERATION_TOO_COSTLY', cost: 70_700, maxCost: 5_000 }),
      }),
    ]);
    expect(subgraphCalls()).toBe(before);

    // The same document with a small page is cheap (4,200, audit rows included) and runs.
    const cheap = await post(system.routerUrl, BIG_PAGES, { token, variables: { n: 5 } });
    expect(cheap.status).toBe(200);
    expect(cheap.body.errors).toBeUndefined();
    expect(subgraphCalls()).toBeGreaterThan(before);
  });

  it('refuses a costly subscription on the WebSocket before any subgraph call, and opens a cheap one', async () => {
    const client = wsClient(system.routerUrl, await system.tokenFor('admin'));
    const calls = subgraphCalls();
    const upstream = system.activeSubscriptions('appointments');
    const refused = await subscribeOutcome(client, BIG_SUBSCRIPTION, { n: 100 });
    expect(refused).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/costs 51211 \(at most 5000\)/), extensions: expect.objectContaining({ code: 'OPERATION_TOO_COSTLY' }) }),
    ]);
    expect(subgraphCalls()).toBe(calls);
    expect(system.activeSubscriptions('appointments')).toBe(upstream);
    expect(await subscribeOutcome(client, BIG_SUBSCRIPTION, { n: 2 })).toBe('open');
    // Closed here: an admin's open subscription would fetch for every file's bookings (the run's
    // topic), and the later tests count this system's subgraph calls.
    await client.dispose();
    await until(() => system.activeSubscriptions('appointments') === upstream);
  });
});

describe('rate limits on HTTP', () => {
  it('answer 429 with Retry-After once a user has spent their budget; other users go on; nothing reaches a subgraph', async () => {
    const router = await limitedRouter({ rateLimits: { perUser: 3, perIp: 0 } });
    const doctor = await system.tokenFor('doctor');
    for (let i = 0; i < 3; i++) expect((await post(router.url, ME, { token: doctor })).status).toBe(200);
    const before = subgraphCalls();
    const refused = await post(router.url, ME, { token: doctor });
    expect(refused.status).toBe(429);
    const seconds = Number(refused.retryAfter);
    expect(seconds).toBeGreaterThanOrEqual(1);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(refused.body).toEqual({
      errors: [{ message: `Too many requests for this account; retry in ${seconds} s.`, extensions: { code: 'RATE_LIMITED', retryAfterSeconds: seconds } }],
    });
    expect(subgraphCalls()).toBe(before);
    expect((await post(router.url, ME, { token: await system.tokenFor('pharmacist') })).status).toBe(200);

    // Counted in Redis, under this run's prefix.
    const redis = createRedisClient({ url: requireRedis() });
    await redis.connect();
    try {
      expect(await redis.get(`${router.keyPrefix}user:${system.accounts.doctor.id}`)).toBe('4');
    } finally {
      await redis.close();
    }
  });

  it('answer 429 once an address has spent its budget, before the body is read; other addresses and /health go on', async () => {
    const router = await limitedRouter({ rateLimits: { perIp: 3, perUser: 0 }, trustProxy: ['loopback'] });
    const login = `mutation { login(email: "nobody-${randomUUID()}@test.hospital.local", password: "wrong-password") { accessToken } }`;
    const from = (address: string) => ({ headers: { 'x-forwarded-for': address } });
    for (let i = 0; i < 3; i++) expect((await post(router.url, login, from('203.0.113.7'))).status).not.toBe(429);
    const before = subgraphCalls();
    const refused = await post(router.url, login, from('203.0.113.7'));
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Too many requests from this address; retry in \d+ s\.$/),
      extensions: { code: 'RATE_LIMITED' },
    });
    expect(Number(refused.retryAfter)).toBe(refused.body.errors?.[0]?.extensions?.['retryAfterSeconds']);
    // A body the router would refuse as malformed is refused as limited: it was never parsed.
    const unread = await fetch(router.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' }, body: '{not json' });
    expect(unread.status).toBe(429);
    expect(subgraphCalls()).toBe(before);

    expect((await post(router.url, login, from('203.0.113.8'))).status).not.toBe(429);
    for (const probe of ['/health', '/ready']) {
      const answer = await fetch(new URL(probe, router.url), { headers: { 'x-forwarded-for': '203.0.113.7' } });
      expect(answer.status).toBe(200);
    }
  });

  it('ignore X-Forwarded-For unless the proxy is trusted: a client cannot spread itself over made-up addresses', async () => {
    const router = await limitedRouter({ rateLimits: { perIp: 3, perUser: 0 } });
    const statuses: number[] = [];
    for (let i = 1; i <= 4; i++) statuses.push((await post(router.url, '{ __typename }', { headers: { 'x-forwarded-for': `198.51.100.${i}` } })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('let requests through again once the window has passed', async () => {
    const router = await limitedRouter({ rateLimits: { perUser: 2, perIp: 0, windowSeconds: 2 } });
    const token = await system.tokenFor('finance');
    expect((await post(router.url, '{ __typename }', { token })).status).toBe(200);
    expect((await post(router.url, '{ __typename }', { token })).status).toBe(200);
    const refused = await post(router.url, '{ __typename }', { token });
    expect(refused.status).toBe(429);
    await new Promise((r) => setTimeout(r, Number(refused.retryAfter) * 1000 + 200));
    expect((await post(router.url, '{ __typename }', { token })).status).toBe(200);
  });
});

describe('rate limits on the WebSocket', () => {
  // Started by the first test that needs it (not in a hook, so a missing Redis fails each test).
  let started: Promise<RunningRouter> | undefined;
  const wsRouter = () => (started ??= limitedRouter({ rateLimits: { perIp: 0, perUser: 2, wsConnects: 2 }, trustProxy: ['loopback'] }));

  it('refuse the handshake with 429 and Retry-After once an address has spent its connection budget', async () => {
    const router = await wsRouter();
    const handshake = () =>
      new Promise<{ status: number; retryAfter?: string; body: string }>((resolve) => {
        const socket = new WebSocket(router.url.replace(/^http/, 'ws'), 'graphql-transport-ws', { headers: { 'x-forwarded-for': '192.0.2.44' } });
        sockets.push(socket);
        socket.once('open', () => resolve({ status: 101, body: '' }));
        socket.once('unexpected-response', (_req, res) => {
          let body = '';
          res.on('data', (chunk: Buffer) => (body += chunk.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body, retryAfter: res.headers['retry-after'] }));
        });
        socket.once('error', () => {});
      });
    expect((await handshake()).status).toBe(101);
    expect((await handshake()).status).toBe(101);
    const refused = await handshake();
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(refused.body)).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
  });

  it('close with 4429 once a user has spent their connection budget, from whatever address', async () => {
    const router = await wsRouter();
    const token = await system.tokenFor('ward_staff');
    for (const address of ['192.0.2.1', '192.0.2.2']) {
      const client = wsClient(router.url, token, address);
      await new Promise<void>((resolve) => client.on('connected', () => resolve()));
    }
    const third = wsClient(router.url, token, '192.0.2.3');
    const closed = await closedWith(third);
    expect(closed.code).toBe(4429);
    expect(closed.reason).toMatch(/Too many connection attempts; retry in \d+ s\./);
  });

  it('refuse a subscribe with RATE_LIMITED once the user has spent their budget, before any subgraph call', async () => {
    const router = await wsRouter();
    const client = wsClient(router.url, await system.tokenFor('doctor'), '192.0.2.10');
    expect(await subscribeOutcome(client, live(1))).toBe('open');
    expect(await subscribeOutcome(client, live(2))).toBe('open');
    const calls = subgraphCalls();
    const upstream = system.activeSubscriptions('appointments');
    const refused = await subscribeOutcome(client, live(3));
    expect(refused).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/^Too many requests for this account; retry in \d+ s\.$/),
        extensions: expect.objectContaining({ code: 'RATE_LIMITED' }),
      }),
    ]);
    expect(subgraphCalls()).toBe(calls);
    expect(system.activeSubscriptions('appointments')).toBe(upstream);
  });
});
