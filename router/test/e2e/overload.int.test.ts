/**
 * Overload through the real router, subgraphs and services: past its in-flight and queue limits
 * the router answers 503 SERVICE_UNAVAILABLE with Retry-After at once (HTTP and WebSocket alike),
 * and a service past its gRPC deadline or a subgraph that cannot be reached is a typed, retryable
 * 503 too — never a masked INTERNAL_SERVER_ERROR or a 500.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPatientsSubgraph } from '@hospital/patients-subgraph';
import { createLogger } from '@hospital/service-kit';
import { until as waitUntil } from '../../../test/helpers.ts';
import { startRouter, type RouterConfig, type RunningRouter } from '../../src/index.ts';
import type { TestSystem } from '@hospital/test-support/system';
import { routerConfigFor } from '@hospital/test-support/router-config';
import { systemForFile } from '../support/system-database.ts';

const PATIENTS = '{ patients(first: 1) { edges { node { id } } } }';

let system: TestSystem;
let doctor: string;
const routers: RunningRouter[] = [];
const closers: Array<() => Promise<void>> = [];

/**
 * A production router in front of the test system's subgraphs.
 * @param extra - load-shed limits, subgraph URL overrides
 */
async function routerWith(extra: Partial<RouterConfig>): Promise<RunningRouter> {
  const router = await startRouter(
    {
      ...routerConfigFor(system),
      production: true,
      rateLimits: { perIp: 0, perUser: 0, wsConnects: 1_000 },
      ...extra,
    },
    { logger: createLogger('overload', 'silent') },
  );
  routers.push(router);
  return router;
}

/** POSTs an operation as the doctor: status, Retry-After and the first error's code. */
async function post(router: RunningRouter, query = PATIENTS): Promise<{ status: number; retryAfter: string | null; code: unknown; body: string }> {
  const response = await fetch(router.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${doctor}` }, body: JSON.stringify({ query }) });
  const body = await response.text();
  const code = (JSON.parse(body) as { errors?: Array<{ extensions?: { code?: unknown } }> }).errors?.[0]?.extensions?.code;
  return { status: response.status, retryAfter: response.headers.get('retry-after'), code, body };
}

/**
 * A gate in front of one real subgraph: while closed, the router's requests to it wait in it
 * (their operations hold their load-shed slots); opening it lets them all through.
 * @param name - the subgraph
 */
async function gatedSubgraph(name: string): Promise<{ url: string; close(): void; open(): void }> {
  const target = system.subgraphUrls[name]!;
  let gate: Promise<void> = Promise.resolve();
  let openGate = () => {};
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        await gate;
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && !['host', 'content-length', 'connection'].includes(entry[0])),
        );
        const upstream = await fetch(new URL(req.url ?? '/', target), { method: req.method ?? 'POST', headers, body: req.method === 'POST' ? Buffer.concat(chunks) : undefined });
        res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
        res.end(Buffer.from(await upstream.arrayBuffer()));
      })().catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  server.unref();
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    close: () => {
      gate = new Promise((resolve) => (openGate = resolve));
    },
    open: () => openGate(),
  };
}

/**
 * A router (production, the given load-shed limits) with one subgraph behind a gate.
 * @param loadShed - the limits
 * @param name - the gated subgraph (patients unless named)
 */
async function gatedRouter(loadShed: RouterConfig['loadShed'], name = 'patients'): Promise<{ router: RunningRouter; gate: Awaited<ReturnType<typeof gatedSubgraph>> }> {
  const gate = await gatedSubgraph(name);
  const router = await routerWith({ loadShed, subgraphUrls: { ...system.subgraphUrls, [name]: gate.url } });
  return { router, gate };
}

/** Resolves once `condition` holds (polling), or fails after `ms`. */
function until(condition: () => boolean, ms = 5_000): Promise<void> {
  return waitUntil(condition, ms, 20);
}

/**
 * Holds one in-flight slot: an admitted operation waiting in the closed gate; `finish` opens the
 * gate and resolves with the status.
 */
async function holdSlot(router: RunningRouter, gate: { close(): void; open(): void }): Promise<{ finish(): Promise<number> }> {
  gate.close();
  const before = router.admissionLoad().inFlight;
  const answered = post(router).then((answer) => answer.status);
  await until(() => router.admissionLoad().inFlight > before);
  return {
    finish: () => {
      gate.open();
      return answered;
    },
  };
}

/**
 * Opens a POST /graphql that announces `length` bytes, sends a few, and keeps the rest back: a
 * trickling client. `abort` hangs up.
 */
function trickle(router: RunningRouter, length: number, authorization?: string): { abort(): void } {
  const request = http.request(router.url, {
    method: 'POST',
    // eslint-disable-next-line house/conditional-spread -- a node:http header: undefined is refused, not left out
    headers: { 'content-type': 'application/json', 'content-length': length, ...(authorization ? { authorization } : {}) },
  });
  request.on('error', () => {});
  request.write('{"query":"');
  return { abort: () => request.destroy() };
}

/** Opens a signed-in WebSocket and waits for connection_ack. */
async function openSocket(router: RunningRouter): Promise<WebSocket> {
  const socket = new WebSocket(router.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  await new Promise<void>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${doctor}` } })));
    socket.on('message', (data) => {
      if ((JSON.parse(String(data)) as { type: string }).type === 'connection_ack') resolve();
    });
  });
  return socket;
}

// Events over PostgreSQL: nothing here needs the broker.
systemForFile((running) => (system = running), { production: true, kafka: false });
beforeAll(async () => {
  doctor = await system.tokenFor('doctor');
});

afterAll(async () => {
  for (const router of routers) await router.close();
  for (const close of closers) await close();
});

describe('load shedding at the router', () => {
  it('answers 503 with Retry-After at once past the in-flight limit and a full queue, and serves again once a slot frees', async () => {
    const { router, gate } = await gatedRouter({ maxInFlight: 1, targetLatencyMs: 0, maxQueued: 1, queueMaxWaitMs: 400 });
    const held = await holdSlot(router, gate);
    const queuedStart = Date.now();
    const queued = post(router);
    await new Promise((resolve) => setTimeout(resolve, 50));
    // The queue holds one: the next is refused without waiting.
    const startedAt = Date.now();
    const refused = await post(router);
    expect(Date.now() - startedAt).toBeLessThan(300);
    expect(refused).toMatchObject({ status: 503, retryAfter: '1', code: 'SERVICE_UNAVAILABLE' });
    // The queued one waits its maximum, then is refused the same way.
    expect(await queued).toMatchObject({ status: 503, retryAfter: '1', code: 'SERVICE_UNAVAILABLE' });
    expect(Date.now() - queuedStart).toBeGreaterThanOrEqual(380);
    expect(await held.finish()).toBe(200);
    expect(await post(router)).toMatchObject({ status: 200, code: undefined });
    expect(router.admissionStepRuns['load-shed']).toBeGreaterThanOrEqual(4);
  });

  it('hands a freed slot to the request waiting for it', async () => {
    const { router, gate } = await gatedRouter({ maxInFlight: 1, targetLatencyMs: 0, maxQueued: 4, queueMaxWaitMs: 5_000 });
    const held = await holdSlot(router, gate);
    const queued = post(router);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await held.finish()).toBe(200);
    expect(await queued).toMatchObject({ status: 200, code: undefined });
  });

  it('refuses a WebSocket subscribe (SERVICE_UNAVAILABLE with retryAfterSeconds) and a handshake (503) while saturated', async () => {
    const { router, gate } = await gatedRouter({ maxInFlight: 1, targetLatencyMs: 0, maxQueued: 0, queueMaxWaitMs: 0 });
    const socket = await openSocket(router);
    const held = await holdSlot(router, gate);
    const id = randomUUID();
    const outcome = new Promise<{ type: string; payload?: Array<{ extensions?: Record<string, unknown> }> }>((resolve) => {
      socket.on('message', (data) => {
        const message = JSON.parse(String(data)) as { id?: string; type: string; payload?: Array<{ extensions?: Record<string, unknown> }> };
        if (message.id === id) resolve(message);
      });
    });
    socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query: 'subscription { appointmentEvents { id } }' } }));
    const message = await outcome;
    expect(message.type).toBe('error');
    expect(message.payload?.[0]?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 });
    const handshake = await new Promise<{ status: number; retryAfter: unknown }>((resolve) => {
      const late = new WebSocket(router.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
      late.on('error', () => {});
      late.on('unexpected-response', (request, response) => {
        resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'] });
        request.destroy();
      });
    });
    expect(handshake).toEqual({ status: 503, retryAfter: '1' });
    socket.close();
    expect(await held.finish()).toBe(200);
  });
});

describe('slots go to operations, not to slow or vanished clients', () => {
  it('gives no slot to a request still trickling its body: a signed-in request answers 200 while 40 trickling connections are open', async () => {
    // The default limits (32 slots), a fixed limit so the test does not depend on the machine's speed.
    const router = await routerWith({ loadShed: { targetLatencyMs: 0 } });
    const trickling = Array.from({ length: 40 }, (_, index) => trickle(router, 8_000, index % 2 === 0 ? undefined : `Bearer ${doctor}`));
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(router.admissionLoad().inFlight).toBe(0);
      const startedAt = Date.now();
      expect(await post(router)).toMatchObject({ status: 200, code: undefined });
      expect(Date.now() - startedAt).toBeLessThan(900);
    } finally {
      for (const connection of trickling) connection.abort();
    }
  });

  it("ends a trickling request at the server's request timeout (408)", async () => {
    const router = await routerWith({ httpLimits: { headersTimeoutMs: 500, requestTimeoutMs: 1_000, keepAliveTimeoutMs: 5_000, maxConnectionsPerAddress: 50 } });
    const startedAt = Date.now();
    const status = await new Promise<number>((resolve) => {
      const request = http.request(router.url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': 8_000 } });
      request.on('response', (response) => resolve(response.statusCode ?? 0));
      request.on('error', () => resolve(0));
      request.write('{"query":"');
    });
    expect(status).toBe(408);
    expect(Date.now() - startedAt).toBeLessThan(3_000);
  });

  it('takes a request whose client hangs up out of the queue at once, and frees the slot of one that hangs up while executing', async () => {
    const { router, gate } = await gatedRouter({ maxInFlight: 1, targetLatencyMs: 0, maxQueued: 20, queueMaxWaitMs: 10_000 });
    gate.close();
    const executing = new AbortController();
    const running = fetch(router.url, {
      method: 'POST',
      signal: executing.signal,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${doctor}` },
      body: JSON.stringify({ query: PATIENTS }),
    }).catch(() => undefined);
    await until(() => router.admissionLoad().inFlight === 1);
    const aborts = Array.from({ length: 10 }, () => new AbortController());
    const queued = aborts.map((abort) =>
      fetch(router.url, {
        method: 'POST',
        signal: abort.signal,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${doctor}` },
        body: JSON.stringify({ query: PATIENTS }),
      }).catch(() => undefined),
    );
    await until(() => router.admissionLoad().queued === 10);
    for (const abort of aborts) abort.abort();
    // Well before their 10 s wait would run out.
    await until(() => router.admissionLoad().queued === 0, 1_000);
    expect(router.admissionLoad().inFlight).toBe(1);
    executing.abort();
    await until(() => router.admissionLoad().inFlight === 0, 1_000);
    await Promise.all([running, ...queued]);
    gate.open();
    expect(await post(router)).toMatchObject({ status: 200, code: undefined });
    expect(router.admissionLoad()).toMatchObject({ inFlight: 0, queued: 0 });
  });
});

describe('anonymous callers share a quarter of the slots', () => {
  it('keeps slots for signed-in staff while anonymous sign-ins flood the router', async () => {
    // Sign-ins wait in the gated identity subgraph: each anonymous request holds its slot.
    const { router, gate } = await gatedRouter({ maxInFlight: 4, targetLatencyMs: 0, maxQueued: 8, queueMaxWaitMs: 2_000 }, 'identity');
    gate.close();
    const login = JSON.stringify({ query: 'mutation { login(email: "nobody@test.hospital.local", password: "not-the-password-1") { accessToken } }' });
    const flood = Array.from({ length: 12 }, () =>
      fetch(router.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: login }).then(
        (response) => response.status,
        () => 0,
      ),
    );
    await until(() => router.admissionLoad().inFlight >= 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // One anonymous operation runs (a quarter of 4); the others wait or are refused.
    expect(router.admissionLoad().inFlight).toBe(1);
    const startedAt = Date.now();
    expect(await post(router)).toMatchObject({ status: 200, code: undefined });
    expect(Date.now() - startedAt).toBeLessThan(1_500);
    gate.open();
    const statuses = await Promise.all(flood);
    expect(statuses.filter((status) => status === 503).length).toBeGreaterThan(0);
  });
});

describe('a service or subgraph that cannot answer in time', () => {
  it('answers a call past its gRPC deadline as 503 SERVICE_UNAVAILABLE with Retry-After, not INTERNAL_SERVER_ERROR', async () => {
    // The patients subgraph with a 1 ms deadline on every call to its service.
    const slow = await startPatientsSubgraph(
      { port: 0, host: '127.0.0.1', patientsTarget: system.grpcTargets['patients'], internalSecret: system.internalSecret, production: true, grpcDeadlineMs: 1 },
      { logger: createLogger('slow-patients', 'silent') },
    );
    closers.push(() => slow.close());
    const router = await routerWith({ subgraphUrls: { ...system.subgraphUrls, patients: slow.url } });
    const answer = await post(router);
    expect(answer).toMatchObject({ status: 503, retryAfter: '1', code: 'SERVICE_UNAVAILABLE' });
    expect(answer.body).not.toContain('INTERNAL_SERVER_ERROR');
  });

  it('answers a subgraph that refuses the connection as 503 SERVICE_UNAVAILABLE with Retry-After', async () => {
    const gone = await startPatientsSubgraph(
      { port: 0, host: '127.0.0.1', patientsTarget: system.grpcTargets['patients'], internalSecret: system.internalSecret, production: true },
      { logger: createLogger('gone-patients', 'silent') },
    );
    const router = await routerWith({ subgraphUrls: { ...system.subgraphUrls, patients: gone.url } });
    expect(await post(router)).toMatchObject({ status: 200, code: undefined });
    await gone.close();
    const answer = await post(router);
    expect(answer).toMatchObject({ status: 503, retryAfter: '1', code: 'SERVICE_UNAVAILABLE' });
    expect(answer.body).not.toContain('INTERNAL_SERVER_ERROR');
  });
});
