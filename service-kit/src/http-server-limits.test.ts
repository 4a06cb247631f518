/** Slow and greedy clients against a real node:http server on real sockets. */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { applyHttpServerLimits, DEFAULT_HTTP_SERVER_LIMITS, httpServerLimitsEnv, httpServerLimitsFrom, type HttpServerLimits } from './http-server-limits.ts';
import { clientAddressKey } from './address-key.ts';
import { parseEnv } from './env.ts';
import { z } from 'zod';

const FAST: HttpServerLimits = { headersTimeoutMs: 400, requestTimeoutMs: 800, keepAliveTimeoutMs: 300, maxConnectionsPerAddress: 3 };

const servers: Server[] = [];
const sockets: Socket[] = [];

async function listen(limits: HttpServerLimits, isTrustedProxy?: (req: IncomingMessage) => boolean): Promise<number> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.end('ok'));
  });
  applyHttpServerLimits(server, limits, isTrustedProxy ? { isTrustedProxy } : {});
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A raw client socket; `send` writes a GET with these extra header lines, `answer` also waits for the close and returns what came back. */
interface RawClient {
  socket: Socket;
  received: () => string;
  closed: Promise<number>;
  send: (...headers: string[]) => void;
  answer: (...headers: string[]) => Promise<string>;
}

/** Limits whose timeouts stay out of the way of a test about connection counts. */
const FAST_NO_TIMEOUTS: HttpServerLimits = { ...FAST, headersTimeoutMs: 10_000, requestTimeoutMs: 10_000 };

/** A raw socket from `localAddress`, recording what it receives and when it closes. */
async function open(port: number, localAddress = '127.0.0.1'): Promise<RawClient> {
  const socket = connect({ port, host: '127.0.0.1', localAddress });
  sockets.push(socket);
  let text = '';
  socket.on('data', (chunk) => (text += String(chunk)));
  socket.on('error', () => undefined);
  const started = Date.now();
  const closed = new Promise<number>((resolve) => socket.once('close', () => resolve(Date.now() - started)));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const send = (...headers: string[]) => void socket.write(`GET / HTTP/1.1\r\nHost: x\r\n${headers.map((h) => `${h}\r\n`).join('')}\r\n`);
  const answer = async (...headers: string[]) => {
    send(...headers);
    await closed;
    return text;
  };
  return { socket, received: () => text, closed, send, answer };
}

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('applyHttpServerLimits', () => {
  it('closes a silent socket after the header timeout', async () => {
    const port = await listen(FAST);
    const silent = await open(port);
    const after = await silent.closed;
    expect(after).toBeGreaterThanOrEqual(FAST.headersTimeoutMs - 50);
    expect(after).toBeLessThan(FAST.headersTimeoutMs + 1_500);
    expect(silent.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('cuts off a body trickled byte by byte after the request timeout', async () => {
    const port = await listen(FAST);
    const slow = await open(port);
    slow.socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n');
    const drip = setInterval(() => slow.socket.writable && slow.socket.write('a'), 40);
    try {
      const after = await slow.closed;
      expect(after).toBeGreaterThanOrEqual(FAST.requestTimeoutMs - 50);
      expect(after).toBeLessThan(FAST.requestTimeoutMs + 1_500);
      expect(slow.received()).toMatch(/^HTTP\/1\.1 408/);
    } finally {
      clearInterval(drip);
    }
  });

  it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
    const port = await listen(FAST);
    const client = await open(port);
    client.send();
    const after = await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 200/);
    expect(after).toBeLessThan(FAST.keepAliveTimeoutMs + 1_500);
  });

  it('refuses the N+1th connection from one address with 503 while another address still gets in', async () => {
    const port = await listen(FAST_NO_TIMEOUTS);
    for (let i = 0; i < FAST.maxConnectionsPerAddress; i++) await open(port, '127.0.0.1');
    const refused = await open(port, '127.0.0.1');
    expect(await refused.answer()).toMatch(/^HTTP\/1\.1 503/);
    const other = await open(port, '127.0.0.2');
    expect(await other.answer('Connection: close')).toMatch(/^HTTP\/1\.1 200/);
  });

  it('counts a connection again as soon as one closes', async () => {
    const port = await listen({ ...FAST_NO_TIMEOUTS, maxConnectionsPerAddress: 1 });
    const first = await open(port);
    first.socket.destroy();
    await first.closed;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = await open(port);
    expect(await second.answer('Connection: close')).toMatch(/^HTTP\/1\.1 200/);
  });

  it('stops counting connections of a proven proxy, so it is not capped as one address', async () => {
    const port = await listen({ ...FAST_NO_TIMEOUTS, maxConnectionsPerAddress: 1 }, (req) => req.headers['x-proof'] === 'yes');
    const proxy = await open(port);
    proxy.send('x-proof: yes');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const next = await open(port);
    expect(await next.answer('Connection: close')).toMatch(/^HTTP\/1\.1 200/);
  });

  it('lets the proven proxy in although silent sockets from its address fill the cap (the proof is read before the cap decides)', async () => {
    const port = await listen(FAST_NO_TIMEOUTS, (req) => req.headers['x-proof'] === 'yes');
    for (let i = 0; i < FAST.maxConnectionsPerAddress + 2; i++) await open(port, '127.0.0.1');
    const proxy = await open(port, '127.0.0.1');
    expect(await proxy.answer('x-proof: yes', 'Connection: close')).toMatch(/^HTTP\/1\.1 200/);
    const unproven = await open(port, '127.0.0.1');
    expect(await unproven.answer()).toMatch(/^HTTP\/1\.1 503/);
  });

  it('answers 503 to an upgrade over the cap without handing it on', async () => {
    const port = await listen({ ...FAST_NO_TIMEOUTS, maxConnectionsPerAddress: 1 });
    await open(port, '127.0.0.1');
    const upgrade = await open(port, '127.0.0.1');
    expect(await upgrade.answer('Connection: Upgrade', 'Upgrade: websocket')).toMatch(/^HTTP\/1\.1 503/);
  });
});

describe('httpServerLimitsEnv', () => {
  it('reads the prefixed variables with the defaults', () => {
    const schema = z.object(httpServerLimitsEnv('WEB'));
    expect(httpServerLimitsFrom(parseEnv(schema, {}), 'WEB')).toEqual(DEFAULT_HTTP_SERVER_LIMITS);
    const set = parseEnv(schema, { WEB_HEADERS_TIMEOUT_MS: '2000', WEB_REQUEST_TIMEOUT_MS: '1000', WEB_MAX_CONNECTIONS_PER_ADDRESS: '0' });
    expect(httpServerLimitsFrom(set, 'WEB')).toMatchObject({ headersTimeoutMs: 2000, requestTimeoutMs: 2000, maxConnectionsPerAddress: 0 });
    expect(() => parseEnv(schema, { WEB_KEEP_ALIVE_TIMEOUT_MS: 'soon' })).toThrow(/WEB_KEEP_ALIVE_TIMEOUT_MS/);
  });
});

describe('the connection cap’s address key', () => {
  it('counts IPv6 clients by their /64 (one client can roam it) and IPv4, mapped or not, by address', () => {
    expect(clientAddressKey('2001:db8:1:2:aaaa::1')).toBe(clientAddressKey('2001:db8:1:2:bbbb::9'));
    expect(clientAddressKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });
});
