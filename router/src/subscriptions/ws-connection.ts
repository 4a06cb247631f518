/**
 * The router's graphql-ws endpoint on the same `/graphql` path as HTTP: connection lifecycle.
 * The handshake spends the address's budgets (HTTP 429 before any socket is held); an Origin
 * allow-list (browsers do not preflight WebSockets); connection_init must carry a verified token,
 * within the user's (or the app's) connection budget and cap; the token's expiry or revocation ends the
 * connection. The handshake and connection_init run the admission pipeline's caller steps, and
 * every refusal (the endpoint's own too) goes through its one refusal hook; the close code comes
 * from refusal.ts. Each subscribe message then goes through the whole pipeline (ws-subscribe.ts).
 */
import type { IncomingMessage, Server } from 'node:http';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { REQUEST_ID_HEADER, type Caller, type Logger } from '@hospital/service-kit';
import { httpHeadersOf, httpStatusOf, refuse, wsCloseOf, type AdmissionRefusal } from '../admission/refusal.ts';
import type { VerifiedSession } from '../jwt.ts';
import type { RateLimiter } from '../rate-limit/rate-limiter.ts';
import type { TokenRevocationList } from '../revocation/revocation-list.ts';
import { budgetOf } from '../admission/steps/caller.ts';
import { connectionAdmission, type OpenedConnection } from './ws-admission.ts';
import { subscribeHooks, WS_CLOSE_TOO_SLOW, type ConnectionState } from './ws-subscribe.ts';

/** Close codes clients can act on. */
export const WS_CLOSE = { unauthorized: 4401, forbidden: 4403, tooSlow: WS_CLOSE_TOO_SLOW, tooMany: 4429 } as const;

/** Limits of the WebSocket endpoint. */
export interface WsLimits {
  /** Concurrent subscriptions on one connection. */
  subscriptionsPerConnection: number;
  /** Open connections of one user (on their own, not through an app). */
  connectionsPerUser: number;
  /** Open connections of one registered app, for itself and for every clinician it acts for. */
  connectionsPerApp: number;
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
  /** Browser origins that may connect: the same rule as HTTP CORS (oauth/cors.ts). */
  origins: { has(origin: string): boolean };
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
export function attachWebSocketEndpoint(options: WsEndpointOptions): { close(): Promise<void>; activeSubscriptions(): number } {
  const { limits, logger } = options;
  const admission = connectionAdmission(options);
  const wss = new WebSocketServer({
    server: options.httpServer,
    path: options.path,
    maxPayload: limits.maxPayloadBytes,
    // A refused handshake is answered with its HTTP status (429 with Retry-After) and never holds a socket.
    verifyClient: (info, accept) => {
      admission.handshake(info.req).then(
        (refusal) => {
          if (!refusal) return accept(true);
          const body = JSON.stringify({ errors: refusal.errors.map((error) => options.formatError(error.toJSON(), error)) });
          accept(false, httpStatusOf(refusal), body, { 'content-type': 'application/json', ...httpHeadersOf(refusal) });
        },
        (error: unknown) => {
          logger.error({ err: error }, 'WebSocket handshake failed');
          accept(false, 503, undefined, { 'retry-after': '5' });
        },
      );
    },
  });
  // The connection's request id, as HTTP answers carry theirs (its refusals are audited under it).
  wss.on('headers', (headers, request) => {
    const handshook = admission.handshakeOf(request);
    if (handshook) headers.push(`${REQUEST_ID_HEADER}: ${handshook.facts.requestId}`);
  });
  const connections = connectionRegistry(options);
  const cleanup = useServer<Record<string, unknown>, { state?: ConnectionState }>(
    {
      connectionInitWaitTimeout: limits.connectionInitTimeoutMs,
      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        const opened = await admission.connect(ctx.extra.request, ctx.connectionParams ?? {});
        // Closed while it was checked: onClose has run already, so count nothing.
        if (socket.readyState !== socket.OPEN) return false;
        const outcome = 'refused' in opened ? opened : connections.open(opened, socket);
        if ('connection' in outcome) {
          ctx.extra.state = outcome.connection;
          return true;
        }
        socket.close(wsCloseOf(outcome.refused), outcome.refused.errors[0]?.message);
        return false;
      },
      onClose: (ctx) => connections.close(ctx.extra.state),
      ...subscribeHooks({ ...options, subscriptionsPerConnection: limits.subscriptionsPerConnection }),
    },
    wss,
  );
  guardClientFaults(wss, logger);
  logger.info({ path: options.path }, 'WebSocket subscriptions endpoint ready');
  return {
    activeSubscriptions: connections.activeSubscriptions,
    async close() {
      connections.stop();
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/**
 * Whose connection it is, for the revocation watch: a user's id, or an app's client id (the
 * revocation list names a revoked app by it); undefined for anyone else.
 * @param caller - the connection's caller
 */
function subjectOf(caller: Caller): string | undefined {
  return caller.kind === 'user' ? caller.userId : caller.kind === 'app' ? caller.clientId : undefined;
}

/**
 * The open connections: each user's or app's count against its cap (see budgetOf),
 * token expiry and revocation watching.
 * @param options - the endpoint's limits, revocation list and pipeline (a refusal over the cap is reported)
 */
function connectionRegistry(options: WsEndpointOptions) {
  const openCount = new Map<string, number>();
  // Open connections, for the metrics' count of active subscriptions (read at scrape).
  const live = new Set<ConnectionState>();
  const revocation = revocationWatch(options.revocations);
  /** Registers an admitted connection, or refuses it over its user's or app's cap (no await between the check and the count). */
  const open = ({ state, session, authorization }: OpenedConnection, socket: WebSocket): { connection: ConnectionState } | { refused: AdmissionRefusal } => {
    const userId = subjectOf(state.caller);
    const budget = budgetOf(state.caller);
    if (userId === undefined || budget === undefined) throw new Error('only signed-in connections are opened');
    const count = openCount.get(budget.key) ?? 0;
    if (count >= (budget.kind === 'app' ? options.limits.connectionsPerApp : options.limits.connectionsPerUser)) {
      const refused = refuse('connection', 'RATE_LIMITED', budget.kind === 'app' ? 'Too many connections for this app' : 'Too many connections for this user');
      options.pipeline.refuse(state, refused).catch((error: unknown) => options.logger.warn({ err: error }, 'refusal report failed'));
      return { refused };
    }
    openCount.set(budget.key, count + 1);
    const connection: ConnectionState = {
      caller: state.caller,
      authorization,
      clientAddress: state.facts.clientAddress,
      expiresAtMs: session.expiresAtMs,
      active: 0,
    };
    if (session.expiresAtMs !== undefined) {
      // The token's expiry ends the connection, whether or not events arrive.
      connection.expiryTimer = setTimeout(() => socket.close(WS_CLOSE.unauthorized, 'Token expired'), Math.max(0, session.expiresAtMs - Date.now()));
      connection.expiryTimer.unref();
    }
    if (session.issuedAtSeconds !== undefined) {
      // A user acting through an app loses the connection to the app's revocation as to their own.
      const issuedAt = session.issuedAtSeconds;
      const unwatch = [userId, ...(state.caller.kind === 'user' && state.caller.app ? [state.caller.app.clientId] : [])].map((subject) =>
        revocation.watch(subject, socket, issuedAt),
      );
      connection.unwatch = () => unwatch.forEach((stop) => stop());
    }
    live.add(connection);
    return { connection };
  };
  const close = (connection: ConnectionState | undefined) => {
    const budget = connection?.caller ? budgetOf(connection.caller) : undefined;
    if (!connection || budget === undefined) return;
    live.delete(connection);
    clearTimeout(connection.expiryTimer);
    connection.unwatch?.();
    const left = (openCount.get(budget.key) ?? 1) - 1;
    if (left <= 0) openCount.delete(budget.key);
    else openCount.set(budget.key, left);
  };
  const activeSubscriptions = () => [...live].reduce((sum, connection) => sum + connection.active, 0);
  return { open, close, activeSubscriptions, stop: () => revocation.stop() };
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
