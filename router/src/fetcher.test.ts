import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphFetcher } from './fetcher.ts';

let server: Server;
let url: string;
let connections = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.headers['x-fail'] === '1') res.statusCode = 502;
      res.end(JSON.stringify({ data: { echo: body, identity: req.headers['x-hospital-identity'] ?? null } }));
    });
  });
  // Subgraphs keep idle connections this long (Node's default is 5 s); shortened so the test is quick.
  server.keepAliveTimeout = 2_000;
  server.on('connection', () => {
    connections += 1;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const post = (fetcher: ReturnType<typeof createSubgraphFetcher>, body: string, headers: Record<string, string> = {}) =>
  fetcher.fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('subgraph fetcher', () => {
  it('sends method, headers and body, and answers as a fetch Response would', async () => {
    const fetcher = createSubgraphFetcher();
    const response = await post(fetcher, '{"query":"{ a }"}', { 'x-hospital-identity': 'signed' });
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/json');
    expect(await response.json()).toEqual({ data: { echo: '{"query":"{ a }"}', identity: 'signed' } });
    const failed = await post(fetcher, '{}', { 'x-fail': '1' });
    expect(failed.ok).toBe(false);
    expect(failed.status).toBe(502);
    expect(await failed.text()).toContain('"data"');
    await fetcher.close();
  });

  it('reuses keep-alive connections, caps them per subgraph, and lets an idle one go before the server does', async () => {
    const fetcher = createSubgraphFetcher({ connectionsPerSubgraph: 4, keepAliveTimeoutMs: 4_000 });
    const before = connections;
    await Promise.all(Array.from({ length: 40 }, (_, i) => post(fetcher, `{"i":${i}}`)));
    // 40 concurrent requests over at most 4 connections.
    expect(connections - before).toBeLessThanOrEqual(4);
    const opened = connections;
    for (let i = 0; i < 10; i++) await post(fetcher, '{}');
    expect(connections).toBe(opened);
    // The server announces `Keep-Alive: timeout=2`; the client lets go 1 s before that, so a
    // request after 1.3 s idle opens a fresh connection instead of racing the server's close.
    await new Promise((resolve) => setTimeout(resolve, 1_300));
    await post(fetcher, '{}');
    expect(connections).toBe(opened + 1);
    await fetcher.close();
  });
});
