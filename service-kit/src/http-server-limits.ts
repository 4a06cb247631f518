/**
 * Limits that keep slow or greedy clients from holding an HTTP server's sockets: how long headers,
 * a whole request and an idle keep-alive connection may take, and how many connections one address
 * may hold open. The router and the web server both apply them (the web server may import no
 * router code, so the rule lives here in the kit they share).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { z } from 'zod';
import { clientAddressKey } from './address-key.ts';

/** The limits of one server. */
export interface HttpServerLimits {
  /** Until the request's headers are complete (a silent or trickling socket gets 408 and is closed). */
  headersTimeoutMs: number;
  /** Until the whole request, body included, has arrived. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open between requests. */
  keepAliveTimeoutMs: number;
  /**
   * Open connections one address may hold; a request on a connection beyond them is answered 503
   * and the connection closed (proven proxies are exempt). 0 = no cap.
   */
  maxConnectionsPerAddress: number;
}

/** Defaults: generous for a browser on a slow link, short enough that a drip attack gains little. */
export const DEFAULT_HTTP_SERVER_LIMITS: HttpServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnectionsPerAddress: 50,
};

const milliseconds = (fallback: number) => z.coerce.number().int().min(100).max(600_000).default(fallback);

/** The variable names of one runnable's limits, e.g. `ROUTER_HEADERS_TIMEOUT_MS`. */
type LimitKeys<P extends string> = `${P}_HEADERS_TIMEOUT_MS` | `${P}_REQUEST_TIMEOUT_MS` | `${P}_KEEP_ALIVE_TIMEOUT_MS` | `${P}_MAX_CONNECTIONS_PER_ADDRESS`;

/**
 * The env fragment `<PREFIX>_HEADERS_TIMEOUT_MS`, `<PREFIX>_REQUEST_TIMEOUT_MS`,
 * `<PREFIX>_KEEP_ALIVE_TIMEOUT_MS` and `<PREFIX>_MAX_CONNECTIONS_PER_ADDRESS`, with the defaults above.
 * @param prefix - the runnable's prefix, e.g. "ROUTER" or "WEB"
 */
export function httpServerLimitsEnv<P extends string>(prefix: P): Record<LimitKeys<P>, z.ZodDefault<z.ZodCoercedNumber>> {
  const d = DEFAULT_HTTP_SERVER_LIMITS;
  return {
    [`${prefix}_HEADERS_TIMEOUT_MS`]: milliseconds(d.headersTimeoutMs),
    [`${prefix}_REQUEST_TIMEOUT_MS`]: milliseconds(d.requestTimeoutMs),
    [`${prefix}_KEEP_ALIVE_TIMEOUT_MS`]: milliseconds(d.keepAliveTimeoutMs),
    [`${prefix}_MAX_CONNECTIONS_PER_ADDRESS`]: z.coerce.number().int().min(0).max(100_000).default(d.maxConnectionsPerAddress),
  } as Record<LimitKeys<P>, z.ZodDefault<z.ZodCoercedNumber>>;
}

/**
 * Reads the limits back from variables parsed with {@link httpServerLimitsEnv}.
 * @param env - the parsed variables
 * @param prefix - the same prefix
 */
export function httpServerLimitsFrom<P extends string>(env: Record<LimitKeys<P>, number>, prefix: P): HttpServerLimits {
  const headersTimeoutMs = env[`${prefix}_HEADERS_TIMEOUT_MS`];
  return {
    headersTimeoutMs,
    // Node requires the request timeout to be at least the headers timeout.
    requestTimeoutMs: Math.max(env[`${prefix}_REQUEST_TIMEOUT_MS`], headersTimeoutMs),
    keepAliveTimeoutMs: env[`${prefix}_KEEP_ALIVE_TIMEOUT_MS`],
    maxConnectionsPerAddress: env[`${prefix}_MAX_CONNECTIONS_PER_ADDRESS`],
  };
}

const TOO_MANY_CONNECTIONS = [
  'HTTP/1.1 503 Service Unavailable',
  'Connection: close',
  'Retry-After: 5',
  'Content-Type: text/plain; charset=utf-8',
  'Content-Length: 21',
  '',
  'Too many connections.',
].join('\r\n');

function refuseRequest(res: ServerResponse): true {
  res.shouldKeepAlive = false;
  res.writeHead(503, { 'Retry-After': '5', 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
  res.end('Too many connections.');
  return true;
}

function refuseUpgrade(socket: Socket): true {
  socket.end(TOO_MANY_CONNECTIONS);
  socket.once('finish', () => socket.destroy());
  return true;
}

/** How {@link applyHttpServerLimits} counts and exempts connections. */
export interface ConnectionCapOptions {
  /** The key an address counts under; default {@link clientAddressKey} (IPv6 by its /64). */
  addressKey?: (address: string) => string;
  /**
   * True for a request that proves it comes from a trusted proxy: its connection stops counting
   * against the proxy's address (the proxy applies the cap per browser itself).
   */
  isTrustedProxy?: (req: IncomingMessage) => boolean;
}

/**
 * Sets the timeouts on `server` and caps open connections per address. Call before `listen`.
 * @param server - any node:http server (Express's, the web server's)
 * @param limits - see {@link HttpServerLimits}
 * @param options - see {@link ConnectionCapOptions}
 * @returns how many connections an address key holds now (for tests and metrics)
 */
export function applyHttpServerLimits(server: Server, limits: HttpServerLimits, options: ConnectionCapOptions = {}): { openConnections(key: string): number } {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = Math.max(limits.requestTimeoutMs, limits.headersTimeoutMs);
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // Node checks the two timeouts above on this period (default 30 s), read when the server starts
  // listening: check often enough to honour them. (@types/node 20 lacks the property.)
  (server as Server & { connectionsCheckingInterval: number }).connectionsCheckingInterval = Math.max(50, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4)));

  const keyOf = options.addressKey ?? clientAddressKey;
  const open = new Map<string, number>();
  const counted = new WeakMap<Socket, string>();
  const release = (socket: Socket) => {
    const key = counted.get(socket);
    if (key === undefined) return;
    counted.delete(socket);
    const left = (open.get(key) ?? 1) - 1;
    if (left > 0) open.set(key, left);
    else open.delete(key);
  };

  if (limits.maxConnectionsPerAddress > 0) {
    server.prependListener('connection', (socket: Socket) => {
      const key = keyOf(socket.remoteAddress ?? 'unknown');
      open.set(key, (open.get(key) ?? 0) + 1);
      counted.set(socket, key);
      socket.once('close', () => release(socket));
    });
    // Decided once the headers are in, not at connect time: only then can a proxy prove itself, and
    // silent sockets from its address (bounded by the header timeout) must not lock it out.
    const overCap = (req: IncomingMessage): boolean => {
      const key = counted.get(req.socket);
      if (key === undefined) return false;
      if (options.isTrustedProxy?.(req)) {
        release(req.socket);
        return false;
      }
      return (open.get(key) ?? 0) > limits.maxConnectionsPerAddress;
    };
    const emit = server.emit.bind(server) as (event: string | symbol, ...args: unknown[]) => boolean;
    // Wrapping emit keeps a refused request from reaching any listener (Express, the WebSocket server).
    server.emit = ((event: string | symbol, ...args: unknown[]) => {
      if (event === 'request' && overCap(args[0] as IncomingMessage)) return refuseRequest(args[1] as ServerResponse);
      if (event === 'upgrade' && overCap(args[0] as IncomingMessage)) return refuseUpgrade(args[1] as Socket);
      return emit(event, ...args);
    }) as Server['emit'];
  }
  return { openConnections: (key) => open.get(key) ?? 0 };
}
