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
    // Unset, the hospital's zone is this server's own.
    expect(await response.json()).toEqual({ graphqlUrl: '/graphql', idleLockMinutes: 15, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });
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

  it.each(['/%', '/%e9', '/assets/%zz.js'])('answers 400, not 500, to the malformed escape in %s', async (where) => {
    const answer = await rawGet(web.port, '127.0.0.1', where);
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    expect(answer).toMatch(/^x-content-type-options: nosniff$/im);
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
    const proxied = await startWebServer({
      port: 0,
      host: '127.0.0.1',
      distDir: dist,
      graphqlUrl: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/graphql`,
      proxySecret: secret,
    });
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
      expect(await first.closed).toBeLessThan(2_000);
      expect(first.text()).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      await limited.close();
    }
  });
});

describe('orchestrator endpoints and security headers', () => {
  it('answers /health itself (not the app) and /ready only with a built app', async () => {
    const health = await fetch(`${web.url}health`);
    expect(health.status).toBe(200);
    expect(health.headers.get('content-type')).toContain('text/plain');
    expect(await health.text()).toBe('ok');
    expect((await fetch(`${web.url}ready`)).status).toBe(200);

    const empty = await mkdtemp(path.join(tmpdir(), 'web-unbuilt-'));
    const unbuilt = await startWebServer({ port: 0, host: '127.0.0.1', distDir: empty, graphqlUrl: 'http://127.0.0.1:9/graphql' });
    try {
      expect((await fetch(`${unbuilt.url}health`)).status).toBe(200);
      const ready = await fetch(`${unbuilt.url}ready`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get('content-security-policy')).toContain("default-src 'self'");
    } finally {
      await unbuilt.close();
      await rm(empty, { recursive: true, force: true });
    }
  });

  it.each(['', 'some/where', 'assets/app-123.js', 'config.json', 'health'])('sends the CSP and the other security headers on /%s', async (where) => {
    const response = await fetch(`${web.url}${where}`);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    // The app's own WebSocket (/graphql) on this host, and nothing else.
    expect(csp).toContain(`connect-src 'self' ws://${new URL(web.url).host} wss://${new URL(web.url).host};`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('permissions-policy')).toContain('camera=()');
  });

  it.each([200, 400, 503])('sends them on the router answers it relays on /graphql (router answered %i)', async (status) => {
    // A router-like upstream: JSON with its own status, and a header of the set it must not be able to change.
    const upstream = createServer((_req, res) => {
      // eslint-disable-next-line house/conditional-spread -- Node's writeHead throws on an undefined header value
      res.writeHead(status, { 'content-type': 'application/json', 'x-frame-options': 'SAMEORIGIN', ...(status === 503 ? { 'retry-after': '2' } : {}) });
      res.end(JSON.stringify(status === 200 ? { data: { __typename: 'Query' } } : { errors: [{ message: 'no', extensions: { code: 'X' } }] }));
    });
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    const proxied = await startWebServer({ port: 0, host: '127.0.0.1', distDir: dist, graphqlUrl: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/graphql` });
    try {
      const response = await fetch(`${proxied.url}graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/json');
      if (status === 503) expect(response.headers.get('retry-after')).toBe('2');
      expectSecurityHeaders(response, proxied.url);
    } finally {
      await proxied.close();
      await new Promise((resolve) => upstream.close(resolve));
    }
  });

  it('sends them when the router cannot be reached (502)', async () => {
    const response = await fetch(`${web.url}graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(response.status).toBe(502);
    expectSecurityHeaders(response, web.url);
  });

  it('names no socket host from a forged Host header', async () => {
    const answer = await rawGet(web.port, 'evil.example.org; script-src *');
    expect(answer).toMatch(/content-security-policy: [^\r]*connect-src 'self';/i);
    expect(answer).not.toContain('evil.example.org');
  });

  it('sends them on a refused method too', async () => {
    const response = await fetch(`${web.url}index.html`, { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });
});

/** The one set of security headers, with the CSP naming this server's own sockets. */
function expectSecurityHeaders(response: Response, url: string): void {
  const host = new URL(url).host;
  expect(response.headers.get('content-security-policy')).toContain(`default-src 'self'; script-src 'self'`);
  expect(response.headers.get('content-security-policy')).toContain(`connect-src 'self' ws://${host} wss://${host};`);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  expect(response.headers.get('permissions-policy')).toContain('camera=()');
}

/** A GET (default `/`) with a Host header or path fetch() would not send, returning the raw answer's head. */
function rawGet(port: number, host: string, target = '/'): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('end', () => resolve(text.split('\r\n\r\n')[0] ?? ''));
    socket.on('error', reject);
  });
}
