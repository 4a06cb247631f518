/**
 * The network edge as `npm start` wires it: the real router and the real web server, sharing a
 * proxy secret, on real sockets. A local process forging X-Forwarded-For is counted under its own
 * address; the web server's proven forwarding gives each browser its own; slow and greedy clients
 * are cut off by the router's timeouts and connection cap.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createLogger } from '@hospital/service-kit';
import { startRouter, type RunningRouter } from '@hospital/router';
import { startWebServer, type RunningWebServer } from '../../web/server/static-server.ts';

const root = path.resolve(import.meta.dirname, '../..');
const proxySecret = randomBytes(32).toString('base64url');
const limits = { headersTimeoutMs: 400, requestTimeoutMs: 800, keepAliveTimeoutMs: 300, maxConnectionsPerAddress: 3 };
let router: RunningRouter;
let web: RunningWebServer;
let dist: string;

beforeAll(async () => {
  const { publicKey } = generateKeyPairSync('ec', {
    namedCurve: 'P-256',
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  router = await startRouter(
    {
      port: 0,
      host: '127.0.0.1',
      supergraphSdl: readFileSync(path.join(root, 'router/supergraph.graphql'), 'utf8'),
      subgraphUrls: {},
      internalSecret: randomBytes(32).toString('base64url'),
      jwt: { keys: [{ keyId: 'k', publicKeyPem: publicKey }], issuer: 'hospital-identity', audience: 'hospital-api' },
      production: true,
      // Two requests per address: the third tells whose address the router counted.
      rateLimits: { perIp: 2, perUser: 0 },
      proxySecret,
      httpLimits: limits,
    },
    { logger: createLogger('edge-test', 'silent') },
  );
  dist = await mkdtemp(path.join(tmpdir(), 'edge-dist-'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html>');
  web = await startWebServer({ port: 0, host: '127.0.0.1', distDir: dist, graphqlUrl: router.url, proxySecret });
});

afterAll(async () => {
  await web?.close();
  await router?.close();
  if (dist) await rm(dist, { recursive: true, force: true });
});

/** POSTs `{ __typename }` from `localAddress` (127.0.0.x are all this host) and resolves with the status. */
function post(url: string, localAddress: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const req = request(url, { method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Opens a graphql-ws handshake from `localAddress`: 101 when it opens, else the refusal's status. */
function handshake(url: string, localAddress: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws', { localAddress });
    socket.on('open', () => {
      resolve(101);
      socket.terminate();
    });
    socket.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      socket.terminate();
    });
    socket.on('error', () => resolve(0));
  });
}

/** A raw socket to the router from `localAddress`: what it received and when it closed. */
async function rawSocket(localAddress: string): Promise<{ write(text: string): void; received(): string; closed: Promise<number> }> {
  const { port } = new URL(router.url);
  const socket = connect({ port: Number(port), host: '127.0.0.1', localAddress });
  let text = '';
  socket.on('data', (chunk) => (text += String(chunk)));
  socket.on('error', () => undefined);
  const started = Date.now();
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now() - started)));
  await new Promise((resolve) => socket.once('connect', resolve));
  return { write: (t) => socket.writable && socket.write(t), received: () => text, closed };
}

describe('proxy trust: a proof, not an address', () => {
  it('counts a loopback client forging X-Forwarded-For without proof under its own socket address', async () => {
    const statuses = [];
    for (let i = 1; i <= 3; i++) statuses.push(await post(router.url, '127.0.0.11', { 'x-forwarded-for': `198.51.100.${i}` }));
    expect(statuses.slice(0, 2)).not.toContain(429);
    expect(statuses[2]).toBe(429);
    // A made-up proof does not help either.
    expect(await post(router.url, '127.0.0.12', { 'x-forwarded-for': '198.51.100.9', 'x-forwarded-for-proof': 'made-up' })).not.toBe(429);
  });

  it('counts browsers behind the web server by their own addresses (the web server proves its forwarding)', async () => {
    const graphql = `${web.url}graphql`;
    const first = [await post(graphql, '127.0.0.21'), await post(graphql, '127.0.0.21'), await post(graphql, '127.0.0.21')];
    expect(first.slice(0, 2)).not.toContain(429);
    expect(first[2]).toBe(429);
    // Another browser still has its budget, though both arrive from the web server's address.
    expect(await post(graphql, '127.0.0.22')).not.toBe(429);
    // A browser naming another address gets nothing from it: the web server appends the real one.
    expect(await post(graphql, '127.0.0.21', { 'x-forwarded-for': '127.0.0.23' })).toBe(429);
    // The web server's connections carry many browsers: the router's connection cap (3 here) spares them.
    const browsers = Array.from({ length: 8 }, (_, i) => post(graphql, `127.0.0.${70 + i}`));
    expect(await Promise.all(browsers)).toEqual(Array(8).fill(200));
    // The WebSocket handshake through the web server is counted the same way.
    expect(await handshake(graphql, '127.0.0.21')).toBe(429);
    expect(await handshake(graphql, '127.0.0.24')).toBe(101);
  });
});

describe('slow and greedy clients at the router', () => {
  it('silent sockets from the web server’s own address do not cut it off from the router', async () => {
    // Let the web server's pooled connections to the router close (router keep-alive: 300 ms).
    await new Promise((resolve) => setTimeout(resolve, limits.keepAliveTimeoutMs + 100));
    const silent = await Promise.all(Array.from({ length: limits.maxConnectionsPerAddress + 1 }, () => rawSocket('127.0.0.1')));
    expect(await post(`${web.url}graphql`, '127.0.0.81')).toBe(200);
    await Promise.all(silent.map((socket) => socket.closed));
  });

  it('closes a silent socket after the header timeout (408)', async () => {
    const silent = await rawSocket('127.0.0.31');
    expect(await silent.closed).toBeLessThan(limits.headersTimeoutMs + 1_500);
    expect(silent.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('cuts off a body trickled byte by byte after the request timeout', async () => {
    const slow = await rawSocket('127.0.0.32');
    slow.write(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n`);
    const drip = setInterval(() => slow.write(' '), 40);
    try {
      const after = await slow.closed;
      expect(after).toBeGreaterThanOrEqual(limits.requestTimeoutMs - 50);
      expect(after).toBeLessThan(limits.requestTimeoutMs + 1_500);
    } finally {
      clearInterval(drip);
    }
  });

  it('refuses the N+1th connection from one address with 503 while another address still gets in', async () => {
    const held = await Promise.all(Array.from({ length: limits.maxConnectionsPerAddress }, () => rawSocket('127.0.0.41')));
    const refused = await rawSocket('127.0.0.41');
    // The cap decides once the headers are in (so a proxy can prove itself first).
    refused.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    await refused.closed;
    expect(refused.received()).toMatch(/^HTTP\/1\.1 503/);
    expect(await post(router.url, '127.0.0.42')).toBe(200);
    await Promise.all(held.map((socket) => socket.closed));
  });
});
