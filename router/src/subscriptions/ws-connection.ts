/**
 * The router's graphql-ws endpoint on the same `/graphql` path as HTTP: connection lifecycle.
 * The handshake spends the address's budgets (HTTP 429 before any socket is held); an Origin
 * allow-list (browsers do not preflight WebSockets); connection_init must carry a verified token,
 * within the user's connection budget and cap; the token's expiry or revocation ends the
 * connection. Each subscribe message then goes through the admission pipeline (ws-subscribe.ts).
 */
import type { IncomingMessage, Server } from 'node:http';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '@hospital/service-kit';
import type { VerifiedSession } from '../jwt.ts';
import { rateLimitAddressKey } from '../rate-limit/client-ip.ts';
import { rateLimitedBody, rateLimitMessage, type RateLimiter } from '../rate-limit/rate-limiter.ts';
import type { TokenRevocationList } from '../revocation/revocation-list.ts';
import { subscribeHooks, type ConnectionState } from './ws-subscribe.ts';

/** Close codes clients can act on. */
export const WS_CLOSE = { unauthorized: 4401, forbidden: 4403, tooMany: 4429 } as const;

/** Limits of the WebSocket endpoint. */
export interface WsLimits {
  /** Concurrent subscriptions on one connection. */
  subscriptionsPerConnection: number;
  /** Open connections of one user. */
  connectionsPerUser: number;
  /** Largest accepted message, bytes. */
  maxPayloadBytes: number;
  /** How long a client may take to send connection_init. */
  connectionInitTimeoutMs: number;
}

/** Everything the endpoint needs besides the subscribe path's own options. */
export interface WsEndpointOptions extends Omit<Parameters<typeof subscribeHooks>[0], 'subscriptionsPerConnection'> {
  httpServer: Server;
  path: string;
  verifySession: (authorization: string | undefined) => VerifiedSession;
  allowedOrigins: string[];
  limits: WsLimits;
  /** Handshakes and connection attempts spend the same budgets as HTTP. */
  rateLimiter: RateLimiter;
  /** The client address of a handshake, with the router's trust-proxy rule. */
  clientAddress: (request: IncomingMessage) => string;
  /** The revocation list: an open connection whose token it revokes is closed with 4401. */
  revocations?: Pick<TokenRevocationList, 'onRevoked' | 'isRevoked' | 'loaded'>;
  logger: Logger;
}

/** Open sockets of each user with their token's iat, for closing them on a revocation. */
function revocationWatch(revocations: WsEndpointOptions['revocations']) {
  const sessions = new Map<string, Map<WebSocket, number>>();
  const closeRevoked = (socket: WebSocket) => socket.close(WS_CLOSE.unauthorized, 'Token revoked; sign in again');
  const stop = revocations?.onRevoked((revocation) => {
    for (const [socket, issuedAt] of sessions.get(revocation.userId) ?? []) {
      if (issuedAt * 1000 <= revocation.validAfterMs) closeRevoked(socket);
    }
  });
  const watch = (userId: string, socket: WebSocket, issuedAtSeconds: number): (() => void) => {
    const open = sessions.get(userId) ?? new Map<WebSocket, number>();
    open.set(socket, issuedAtSeconds);
    sessions.set(userId, open);
    // A revocation that arrived while the connection was being checked was not seen by the listener.
    if (revocations?.isRevoked(userId, issuedAtSeconds)) closeRevoked(socket);
    return () => {
      open.delete(socket);
      if (open.size === 0 && sessions.get(userId) === open) sessions.delete(userId);
    };
  };
  return { watch, stop: () => stop?.() };
}

/**
 * Attaches the endpoint to the router's HTTP server.
 * @param options - see {@link WsEndpointOptions}
 */
export function attachWebSocketEndpoint(options: WsEndpointOptions): { close(): Promise<void> } {
  const { limits, logger, rateLimiter } = options;
  const wss = new WebSocketServer({
    server: options.httpServer,
    path: options.path,
    maxPayload: limits.maxPayloadBytes,
    // The address's budgets are spent on the handshake itself: a refused client gets HTTP 429 with
    // Retry-After and never holds a socket.
    verifyClient: (info, accept) => {
      const address = options.clientAddress(info.req);
      void (async () => {
        let verdict = await rateLimiter.take('ip', rateLimitAddressKey(address));
        if (verdict.allowed) verdict = await rateLimiter.take('ws-connect-ip', rateLimitAddressKey(address));
        if (verdict.allowed) return accept(true);
        const body = JSON.stringify(rateLimitedBody(verdict));
        accept(false, 429, body, { 'content-type': 'application/json', 'retry-after': String(verdict.retryAfterSeconds) });
      })();
    },
  });
  const perUser = new Map<string, number>();
  const revocation = revocationWatch(options.revocations);

  const cleanup = useServer<Record<string, unknown>, { state?: ConnectionState }>(
    {
      connectionInitWaitTimeout: limits.connectionInitTimeoutMs,
      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        const origin = ctx.extra.request.headers.origin;
        if (origin !== undefined && !options.allowedOrigins.includes(origin)) {
          socket.close(WS_CLOSE.forbidden, 'Origin not allowed');
          return false;
        }
        const params = ctx.connectionParams ?? {};
        const authorization = typeof params['authorization'] === 'string' ? params['authorization'] : undefined;
        let session: VerifiedSession;
        try {
          session = options.verifySession(authorization);
        } catch {
          socket.close(WS_CLOSE.unauthorized, 'Invalid or expired token');
          return false;
        }
        if (session.caller.kind !== 'user') {
          socket.close(WS_CLOSE.unauthorized, 'Sign in first: send connectionParams.authorization');
          return false;
        }
        // Until the first revocation list has arrived, nobody can tell a revoked token from a good
        // one: signed-in users wait (1013 Try Again Later) rather than slip in.
        if (options.revocations && !options.revocations.loaded) {
          socket.close(1013, 'Starting: try again shortly');
          return false;
        }
        const userId = session.caller.userId;
        const attempt = await rateLimiter.take('ws-connect-user', userId);
        // Closed while the count was awaited: onClose has run already, so count nothing.
        if (socket.readyState !== socket.OPEN) return false;
        if (!attempt.allowed) {
          socket.close(WS_CLOSE.tooMany, rateLimitMessage(attempt));
          return false;
        }
        const open = perUser.get(userId) ?? 0;
        if (open >= limits.connectionsPerUser) {
          socket.close(WS_CLOSE.tooMany, 'Too many connections for this user');
          return false;
        }
        perUser.set(userId, open + 1);
        const state: ConnectionState = {
          caller: session.caller,
          ...(authorization ? { authorization } : {}),
          clientAddress: options.clientAddress(ctx.extra.request),
          ...(session.expiresAtMs !== undefined ? { expiresAtMs: session.expiresAtMs } : {}),
          active: 0,
        };
        if (session.expiresAtMs !== undefined) {
          // The token's expiry ends the connection, whether or not events arrive.
          state.expiryTimer = setTimeout(() => socket.close(WS_CLOSE.unauthorized, 'Token expired'), Math.max(0, session.expiresAtMs - Date.now()));
          state.expiryTimer.unref();
        }
        if (session.issuedAtSeconds !== undefined) state.unwatch = revocation.watch(userId, socket, session.issuedAtSeconds);
        ctx.extra.state = state;
        return true;
      },
      onClose: (ctx) => {
        const state = ctx.extra.state;
        if (!state?.caller || state.caller.kind !== 'user') return;
        clearTimeout(state.expiryTimer);
        state.unwatch?.();
        const left = (perUser.get(state.caller.userId) ?? 1) - 1;
        if (left <= 0) perUser.delete(state.caller.userId);
        else perUser.set(state.caller.userId, left);
      },
      ...subscribeHooks({ ...options, subscriptionsPerConnection: limits.subscriptionsPerConnection }),
    },
    wss,
  );
  guardClientFaults(wss, logger);
  logger.info({ path: options.path }, 'WebSocket subscriptions endpoint ready');
  return {
    async close() {
      revocation.stop();
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/**
 * graphql-ws prints every socket 'error' to stderr as an "Internal error" with a stack trace. On
 * a server socket ws emits one only for a bad frame from the client (past maxPayload, text that
 * is not UTF-8, a malformed frame) and has already closed with the fitting code (1009, 1007,
 * 1002): a client fault, so it is logged as one. Registered after useServer's own listener.
 */
function guardClientFaults(wss: WebSocketServer, logger: Logger): void {
  wss.on('connection', (socket) => {
    socket.removeAllListeners('error');
    socket.on('error', (error) => logger.info({ reason: error.message }, 'WebSocket client sent an invalid frame'));
    // graphql-ws answers a message only a server sends (connection_ack, next, error) with 4500
    // Internal Server Error and a stack trace on stderr; it is the client's bad request (4400).
    const handlers = socket.listeners('message') as Array<(data: unknown, isBinary: boolean) => void>;
    socket.removeAllListeners('message');
    socket.on('message', (data, isBinary) => {
      if (SERVER_ONLY_MESSAGES.has(messageType(data))) return socket.close(4400, 'Invalid message received');
      for (const handler of handlers) handler.call(socket, data, isBinary);
    });
  });
}

/** Message types of graphql-transport-ws that only a server may send. */
const SERVER_ONLY_MESSAGES: ReadonlySet<unknown> = new Set(['connection_ack', 'next', 'error']);

/** The `type` of a graphql-transport-ws message, if it is JSON with one. */
function messageType(data: unknown): unknown {
  try {
    return (JSON.parse(String(data)) as { type?: unknown } | null)?.type;
  } catch {
    return undefined;
  }
}
