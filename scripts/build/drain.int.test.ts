/**
 * SIGTERM drains, on the built runnables: a request in flight when the signal arrives still gets
 * its normal answer, new connections are refused meanwhile, an open graphql-ws connection is
 * closed with 1001 "Going away" (reconnect elsewhere) rather than dropped, and the process then
 * exits 0 within SHUTDOWN_GRACE_MS. Requests are held in flight by gates: an HTTP gate between the
 * router and its subgraph, and a TCP gate between the gRPC service and PostgreSQL.
 */
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { testDatabaseUrl } from '../../test/helpers.ts';
import { startTcpProxy } from '../../test/tcp-proxy.ts';
import type { BuiltRunnable } from './built-runnable.ts';
import { graphql, startBuiltIdentitySystem, type BuiltIdentitySystem } from './built-system.ts';
import { ensureFreshBuild } from './fresh-build.ts';

const root = path.resolve(import.meta.dirname, '../..');
const GRACE_MS = 4_000;
/** Grace, the watchdog's extra second, and process start/exit slack on a busy machine. */
const BOUND_MS = GRACE_MS + 2_500;
const LOGIN = 'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';

/** A one-shot hold: `reached` resolves when something is held, `release()` lets it through. */
function hold() {
  let reached!: () => void;
  let release!: () => void;
  const reachedP = new Promise<void>((resolve) => (reached = resolve));
  const releasedP = new Promise<void>((resolve) => (release = resolve));
  return { reached, reachedP, release, releasedP, armed: false };
}

/** An HTTP proxy in front of a subgraph that, once armed, holds the next `login` POST until released. */
async function startHttpGate(target: string): Promise<{ url: string; gate: ReturnType<typeof hold>; close(): void }> {
  const gate = hold();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const body = Buffer.concat(chunks);
        if (gate.armed && body.toString('utf8').includes('login')) {
          gate.armed = false;
          gate.reached();
          await gate.releasedP;
        }
        const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'content-length', 'connection'].includes(name))) as Record<string, string>;
        const upstream = await fetch(new URL(req.url ?? '/', target), { method: req.method ?? 'GET', headers, body: req.method === 'POST' ? body : undefined });
        res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
        res.end(Buffer.from(await upstream.arrayBuffer()));
      })().catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { url: `http://127.0.0.1:${port}/graphql`, gate, close: () => server.close() };
}

/**
 * A TCP proxy in front of PostgreSQL that, once armed, holds the next message carrying `marker`
 * (the login's email, so a revocation poll is not what it holds) until released.
 */
async function startDatabaseGate(target: URL, marker: () => string): Promise<{ port: number; gate: ReturnType<typeof hold>; close(): void }> {
  const gate = hold();
  const proxy = await startTcpProxy(target, (client, upstream) => {
    client.on('data', (chunk: Buffer) => {
      if (!gate.armed || !chunk.includes(marker())) return void upstream.write(chunk);
      gate.armed = false;
      client.pause();
      gate.reached();
      void gate.releasedP.then(() => {
        upstream.write(chunk);
        client.resume();
      });
    });
    upstream.pipe(client);
  });
  return { port: proxy.port, gate, close: () => proxy.close() };
}

/** Resolves with how long the runnable took to exit after `since`, and its exit code. */
async function exitOf(runnable: BuiltRunnable, since: number): Promise<{ ms: number; code: number | null }> {
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), BOUND_MS + 5_000));
  const result = await Promise.race([runnable.exited, timeout]);
  if (result === 'timeout') {
    runnable.child.kill('SIGKILL');
    return { ms: Infinity, code: null };
  }
  return { ms: Date.now() - since, code: result.code };
}

/** Whether a new TCP connection to the port is accepted. */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

let routerSide: { system: BuiltIdentitySystem; gate: Awaited<ReturnType<typeof startHttpGate>> };
let serviceSide: { system: BuiltIdentitySystem; gate: Awaited<ReturnType<typeof startDatabaseGate>> };
let subgraphSide: typeof serviceSide;

/** An identity system whose service reaches PostgreSQL through a database gate holding its login. */
async function startBehindDatabaseGate(env: Record<string, string>): Promise<typeof serviceSide> {
  const database = new URL(testDatabaseUrl());
  let email = '';
  const gate = await startDatabaseGate(database, () => email);
  const throughGate = new URL(database);
  throughGate.hostname = '127.0.0.1';
  throughGate.port = String(gate.port);
  const system = await startBuiltIdentitySystem(root, throughGate.toString(), env);
  email = system.account.email;
  return { gate, system };
}

/**
 * Holds a login at the side's database gate, sends SIGTERM to one of its runnables, and checks that
 * it stops accepting connections, that the held login then answers with a token, and that it exits
 * with 0 within the bound.
 * @param side - the system behind a database gate
 * @param runnable - which of its processes gets SIGTERM
 * @param port - the port that process listens on
 */
async function drainsHeldLogin(side: typeof serviceSide, runnable: 'service' | 'subgraph', port: number): Promise<void> {
  const { system, gate } = side;
  gate.gate.armed = true;
  const answer = graphql<{ login: { accessToken: string } }>(system.routerUrl, LOGIN, system.account);
  await gate.gate.reachedP;
  const started = Date.now();
  system[runnable].child.kill('SIGTERM');
  await expect.poll(() => accepts(port), { timeout: 2_000 }).toBe(false);
  gate.gate.release();
  const { data, errors } = await answer;
  expect(errors).toBeUndefined();
  expect(data?.login.accessToken).toBeTruthy();
  const exit = await exitOf(system[runnable], started);
  expect(exit.code).toBe(0);
  expect(exit.ms).toBeLessThan(BOUND_MS);
}

beforeAll(async () => {
  await ensureFreshBuild(root);
  const env = { SHUTDOWN_GRACE_MS: String(GRACE_MS) };
  // Router side: the router calls its subgraph through the HTTP gate.
  let httpGate: Awaited<ReturnType<typeof startHttpGate>> | undefined;
  const system = await startBuiltIdentitySystem(root, testDatabaseUrl(), env, {
    routerSubgraphUrl: async (subgraphUrl) => {
      httpGate = await startHttpGate(subgraphUrl);
      return httpGate.url;
    },
  });
  if (!httpGate) throw new Error('the router was not given the gate');
  routerSide = { gate: httpGate, system };
  // Service and subgraph sides: the identity service reaches PostgreSQL through a TCP gate.
  serviceSide = await startBehindDatabaseGate(env);
  subgraphSide = await startBehindDatabaseGate(env);
}, 180_000);

afterAll(async () => {
  for (const side of [routerSide, serviceSide, subgraphSide]) {
    if (!side) continue;
    side.gate.gate.release();
    for (const runnable of [side.system.router, side.system.subgraph, side.system.service]) runnable.child.kill('SIGKILL');
    side.gate.close();
  }
});

describe(`SIGTERM drains in-flight work, then exits within SHUTDOWN_GRACE_MS=${GRACE_MS}`, () => {
  it('the router: a held query answers 200 with data, new connections are refused, a graphql-ws client gets 1001', async () => {
    const { system, gate } = routerSide;
    const routerPort = Number(new URL(system.routerUrl).port);
    const { data } = await graphql<{ login: { accessToken: string } }>(system.routerUrl, LOGIN, system.account);
    const token = data?.login.accessToken;
    expect(token).toBeTruthy();
    // An acknowledged graphql-ws connection.
    const socket = new WebSocket(system.routerUrl.replace('http', 'ws'), 'graphql-transport-ws');
    const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.once('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
      socket.on('message', (message: Buffer) => {
        if ((JSON.parse(message.toString()) as { type: string }).type === 'connection_ack') resolve();
      });
    });
    // A query held at the subgraph's gate while the router gets SIGTERM.
    gate.gate.armed = true;
    const response = fetch(system.routerUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: LOGIN, variables: system.account }),
    });
    await gate.gate.reachedP;
    const started = Date.now();
    system.router.child.kill('SIGTERM');
    const close = await closed;
    expect(close.code).toBe(1001);
    await expect.poll(() => accepts(routerPort), { timeout: 2_000 }).toBe(false);
    gate.gate.release();
    const answered = await response;
    expect(answered.status).toBe(200);
    const body = (await answered.json()) as { data?: { login: { accessToken: string } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    expect(body.data?.login.accessToken).toBeTruthy();
    const exit = await exitOf(system.router, started);
    expect(exit.code).toBe(0);
    expect(exit.ms).toBeLessThan(BOUND_MS);
  });

  it('the gRPC service: a unary call held at its database finishes, then it exits', () =>
    drainsHeldLogin(serviceSide, 'service', Number(serviceSide.system.grpcTarget.split(':')[1])));

  it('the subgraph: a request in flight (its gRPC call held at the database) answers, then it exits', () =>
    drainsHeldLogin(subgraphSide, 'subgraph', Number(new URL(subgraphSide.system.subgraphUrl).port)));
});
