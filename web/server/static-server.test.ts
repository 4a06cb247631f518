/** The web server's own answers: the built files, `/config.json`, the index fallback, no escapes. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORWARDED_PROOF_HEADER, verifyForwardedFor } from '@hospital/service-kit';
import { startWebServer, type RunningWebServer } from './static-server.ts';

let dist: string;
let web: RunningWebServer;

beforeAll(async () => {
  dist = await mkdtemp(path.join(tmpdir(), 'web-dist-'));
  await mkdir(path.join(dist, 'assets'));
  await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(path.join(dist, 'assets', 'app-123.js'), 'console.log(1)');
  web = await startWebServer({ port: 0, host: '127.0.0.1', distDir: dist, graphqlUrl: 'http://127.0.0.1:9/graphql' });
});

afterAll(async () => {
  await web.close();
  await rm(dist, { recursive: true, force: true });
});

describe('startWebServer', () => {
  it('tells the app to use its own /graphql, which it forwards to the router', async () => {
    const response = await fetch(`${web.url}config.json`);
    expect(await response.json()).toEqual({ graphqlUrl: '/graphql' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('serves hashed assets for long and falls back to index.html', async () => {
    const asset = await fetch(`${web.url}assets/app-123.js`);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    const page = await fetch(`${web.url}some/where`);
    expect(await page.text()).toContain('<title>app</title>');
  });

  it('never serves files outside the build', async () => {
    const response = await fetch(`${web.url}..%2f..%2fetc%2fpasswd`);
    expect(await response.text()).toContain('<title>app</title>');
  });

  it('answers plainly when the router cannot be reached', async () => {
    const response = await fetch(`${web.url}graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(response.status).toBe(502);
    expect((await response.json()).errors[0].extensions.code).toBe('NETWORK');
  });

  it('appends the browser’s address to X-Forwarded-For and proves to the router that it wrote it', async () => {
    const secret = 'web-proxy-secret-of-this-test-0123456789';
    const upstream = createServer((req, res) => {
      const forwardedFor = String(req.headers['x-forwarded-for']);
      const request = { method: req.method!, path: req.url!, forwardedFor };
      res.end(JSON.stringify({ forwardedFor, proven: verifyForwardedFor(secret, request, String(req.headers[FORWARDED_PROOF_HEADER])) }));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const proxied = await startWebServer({ port: 0, host: '127.0.0.1', distDir: dist, graphqlUrl: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/graphql`, proxySecret: secret });
    try {
      const post = (headers: Record<string, string>) => fetch(`${proxied.url}graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
      expect(await (await post({})).json()).toEqual({ forwardedFor: '127.0.0.1', proven: true });
      expect(await (await post({ 'x-forwarded-for': '198.51.100.9' })).json()).toEqual({ forwardedFor: '198.51.100.9, 127.0.0.1', proven: true });
      // A browser cannot pass a proof of its own through: the server replaces it with its own.
      expect(await (await post({ [FORWARDED_PROOF_HEADER]: 'forged' })).json()).toEqual({ forwardedFor: '127.0.0.1', proven: true });
    } finally {
      await proxied.close();
      await new Promise((resolve) => upstream.close(resolve));
    }
  });

  it('closes a silent socket after its header timeout and caps connections per address', async () => {
    const limited = await startWebServer({
      port: 0,
      host: '127.0.0.1',
      distDir: dist,
      graphqlUrl: 'http://127.0.0.1:9/graphql',
      limits: { headersTimeoutMs: 300, requestTimeoutMs: 600, keepAliveTimeoutMs: 300, maxConnectionsPerAddress: 2 },
    });
    const open = () =>
      new Promise<{ text: () => string; closed: Promise<number>; send: (data: string) => void }>((resolve) => {
        const started = Date.now();
        let text = '';
        const socket = connect(limited.port, '127.0.0.1', () => resolve({ text: () => text, closed, send: (data) => void socket.write(data) }));
        socket.on('data', (chunk) => (text += String(chunk)));
        socket.on('error', () => undefined);
        const closed = new Promise<number>((done) => socket.once('close', () => done(Date.now() - started)));
      });
    try {
      const [first] = await Promise.all([open(), open()]);
      const third = await open();
      // The cap decides once a request's headers are in (a proven proxy may be exempt).
      third.send('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
      await third.closed;
      expect(third.text()).toMatch(/^HTTP\/1\.1 503/);
      expect(await first!.closed).toBeLessThan(2_000);
      expect(first!.text()).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await limited.close();
    }
  });
});
