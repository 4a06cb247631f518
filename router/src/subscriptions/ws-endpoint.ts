/**
 * The router's graphql-ws endpoint, on the same `/graphql` path as HTTP. Apollo Server's plugins
 * do not run here, so this file applies the same rules itself: a verified JWT on connect (and the
 * connection closes when it expires), the same @auth decision per operation, validation against
 * the API schema, an Origin allow-list (browsers do not preflight WebSockets), and limits. A token
 * revoked while its connection is open (user deactivated, role changed) ends it like expiry.
 */
import type { IncomingMessage, Server } from 'node:http';
import { GraphQLError, getOperationAST, getVariableValues, parse, specifiedRules, validate, type GraphQLSchema, type ValidationRule } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Caller, Logger } from '@hospital/service-kit';
import type { AuthRules } from '../auth-policy.ts';
import { acceptRequestId, type RouterContext } from '../context.ts';
import type { VerifiedSession } from '../jwt.ts';
import { collectTouchedFields, decideAccess } from '../operation-access.ts';
import { operationCost, operationTooCostlyError } from '../operation-cost.ts';
import { rateLimitAddressKey } from '../rate-limit/client-ip.ts';
import { rateLimitedBody, rateLimitedError, rateLimitMessage, type RateLimiter } from '../rate-limit/rate-limiter.ts';
import { withoutSuggestions } from '../format-error.ts';
import { resolvePersistedOperation, type PersistedOperations } from '../persisted-operations.ts';
import { refusalToReport, type RefusalReporter } from '../refusal-audit.ts';
import type { TokenRevocationList } from '../revocation/revocation-list.ts';
import type { SubscribeArgs } from './federated-subscribe.ts';

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

interface ConnectionState {
  caller?: Caller;
  expiresAtMs?: number;
  expiryTimer?: NodeJS.Timeout;
  active: number;
  /** Unregisters the connection from revocation watching. */
  unwatch?: () => void;
}

/**
 * Attaches the endpoint to the router's HTTP server.
 * @param options - server, schema, rules, token verifier, executor, origins, limits, logger
 */
export function attachWebSocketEndpoint(options: {
  httpServer: Server;
  path: string;
  schema: () => GraphQLSchema;
  rules: AuthRules;
  introspection: boolean;
  verifySession: (authorization: string | undefined) => VerifiedSession;
  subscribe: (args: SubscribeArgs) => AsyncIterable<unknown>;
  allowedOrigins: string[];
  limits: WsLimits;
  /** The same extra validation rules as HTTP (operation size limits). */
  validationRules: ValidationRule[];
  /** Most tokens a document may have. */
  maxTokens: number;
  /** Most an operation may cost (operation-cost.ts), with the subscribe message's variables. */
  maxOperationCost: number;
  /** Handshakes, connection attempts and subscribe messages spend the same budgets as HTTP. */
  rateLimiter: RateLimiter;
  /** The client address of a handshake, with the router's trust-proxy rule. */
  clientAddress: (request: IncomingMessage) => string;
  /** The persisted-operation safelist (default: off). */
  persisted?: PersistedOperations;
  /** The revocation list: an open connection whose token it revokes is closed with 4401. */
  revocations?: Pick<TokenRevocationList, 'onRevoked' | 'isRevoked' | 'loaded'>;
  /** Where a signed-in user's refused subscriptions are reported for the audit trail. */
  refusals?: RefusalReporter;
  logger: Logger;
}): { close(): Promise<void> } {
  const { limits, logger } = options;
  const { rateLimiter } = options;
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
  // Open sockets of each user with their token's iat, for closing them on a revocation.
  const sessions = new Map<string, Map<WebSocket, number>>();
  const closeRevoked = (socket: WebSocket) => socket.close(WS_CLOSE.unauthorized, 'Token revoked; sign in again');
  const stopWatching = options.revocations?.onRevoked((revocation) => {
    for (const [socket, issuedAt] of sessions.get(revocation.userId) ?? []) {
      if (issuedAt * 1000 <= revocation.validAfterMs) closeRevoked(socket);
    }
  });
  const watch = (userId: string, socket: WebSocket, issuedAtSeconds: number): (() => void) => {
    const open = sessions.get(userId) ?? new Map<WebSocket, number>();
    open.set(socket, issuedAtSeconds);
    sessions.set(userId, open);
    return () => {
      open.delete(socket);
      if (open.size === 0 && sessions.get(userId) === open) sessions.delete(userId);
    };
  };
  // Token expiry of the connection each subscription's context belongs to.
  const expiryOf = new WeakMap<RouterContext, number>();
  // Subscribe ids each connection is still checking (see oneSetupPerId).
  const settingUp = new WeakMap<WebSocket, Set<string>>();

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
        const state: ConnectionState = { caller: session.caller, expiresAtMs: session.expiresAtMs, active: 0 };
        if (session.expiresAtMs !== undefined) {
          // The token's expiry ends the connection, whether or not events arrive.
          state.expiryTimer = setTimeout(() => socket.close(WS_CLOSE.unauthorized, 'Token expired'), Math.max(0, session.expiresAtMs - Date.now()));
          state.expiryTimer.unref();
        }
        if (session.issuedAtSeconds !== undefined) {
          state.unwatch = watch(userId, socket, session.issuedAtSeconds);
          // A revocation that arrived during the awaits above was not seen by the listener.
          if (options.revocations?.isRevoked(userId, session.issuedAtSeconds)) closeRevoked(socket);
        }
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
      onSubscribe: (ctx, id, payload) => oneSetupPerId(settingUp, ctx.extra.socket, id, async () => {
        const state = ctx.extra.state;
        if (!state?.caller) return [new GraphQLError('Sign in first.', { extensions: { code: 'UNAUTHENTICATED' } })];
        // Awaited before the count check below, so that check and `active += 1` stay one synchronous step.
        if (state.caller.kind === 'user') {
          const verdict = await rateLimiter.take('user', state.caller.userId);
          if (!verdict.allowed) return [rateLimitedError(verdict)];
        }
        if (state.active >= limits.subscriptionsPerConnection) {
          return [new GraphQLError('Too many subscriptions on this connection.', { extensions: { code: 'BAD_USER_INPUT' } })];
        }
        const schema = options.schema();
        // Browsers always send Origin on the upgrade; the safelist applies before parsing.
        const fromBrowser = ctx.extra.request.headers.origin !== undefined;
        const resolved = resolvePersistedOperation(options.persisted ?? { mode: 'off', manifest: new Map() }, payload, fromBrowser);
        if (!resolved.ok) return [new GraphQLError(resolved.message, { extensions: { code: resolved.code } })];
        let document;
        try {
          document = parse(resolved.query ?? '', { maxTokens: options.maxTokens });
        } catch (error) {
          return [new GraphQLError(error instanceof Error ? error.message : 'Syntax error', { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        const errors = validate(schema, document, [...specifiedRules, ...options.validationRules]);
        // Without introspection, "Did you mean …?" hints would leak the schema field by field.
        const hint = (message: string) => (options.introspection ? message : withoutSuggestions(message));
        if (errors.length > 0) return errors.map((e) => new GraphQLError(hint(e.message), { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }));
        const operation = getOperationAST(document, payload.operationName);
        if (!operation || operation.operation !== 'subscription') {
          return [new GraphQLError('Only subscriptions go over WebSocket; send queries and mutations over HTTP.', { extensions: { code: 'BAD_USER_INPUT' } })];
        }
        const decision = decideAccess(collectTouchedFields(schema, document, operation), options.rules, state.caller, options.introspection);
        // Where the subscription comes from: for the audit trail, as on HTTP.
        const request = ctx.extra.request;
        const userAgent = request.headers['user-agent'];
        const origin = { ip: options.clientAddress(request), ...(userAgent ? { userAgent } : {}), ...(operation.name ? { operation: operation.name.value } : {}) };
        if (!decision.allowed) {
          const refusal = refusalToReport({ decision, caller: state.caller, document, operation, variables: payload.variables, origin, requestId: acceptRequestId(undefined) });
          if (refusal && options.refusals) await options.refusals.report(refusal);
          const message = decision.code === 'FORBIDDEN' ? `Your role may not use ${decision.fields.join(', ')}.` : 'Sign in first.';
          return [new GraphQLError(message, { extensions: { code: decision.code } })];
        }
        // Variables are checked here, before anything is subscribed upstream, and answered like
        // validation errors: typed, and without "Did you mean" hints in production.
        const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {}, { maxErrors: 10 });
        if (coerced.errors) return coerced.errors.map((e) => new GraphQLError(hint(e.message), { extensions: { code: 'BAD_USER_INPUT' } }));
        const cost = operationCost(schema, document, { operation, variables: payload.variables ?? {}, stopAbove: options.maxOperationCost });
        if (cost > options.maxOperationCost) return [operationTooCostlyError(cost, options.maxOperationCost)];
        const contextValue: RouterContext = {
          caller: state.caller,
          requestId: acceptRequestId(undefined),
          scope: { requestId: '', ...(state.caller.kind === 'user' ? { userId: state.caller.userId } : {}), ...(operation.name ? { operationName: operation.name.value } : {}) },
          origin,
        };
        contextValue.scope.requestId = contextValue.requestId;
        if (state.expiresAtMs !== undefined) expiryOf.set(contextValue, state.expiresAtMs);
        state.active += 1;
        return {
          schema,
          document,
          operationName: operation.name?.value ?? payload.operationName ?? null,
          variableValues: payload.variables ?? {},
          contextValue,
        };
      }),
      onComplete: (ctx) => {
        if (ctx.extra.state) ctx.extra.state.active = Math.max(0, ctx.extra.state.active - 1);
      },
      subscribe: (args) => {
        const context = args.contextValue as RouterContext;
        const events = options.subscribe({
          document: args.document,
          operationName: args.operationName ?? undefined,
          variables: (args.variableValues ?? {}) as Record<string, unknown>,
          context,
        });
        return untilExpiry(events, expiryOf.get(context)) as never;
      },
    },
    wss,
  );
  // graphql-ws prints every socket 'error' to stderr as an "Internal error" with a stack trace. On
  // a server socket ws emits one only for a bad frame from the client (past maxPayload, text that
  // is not UTF-8, a malformed frame) and has already closed with the fitting code (1009, 1007,
  // 1002): a client fault, so it is logged as one. Registered after useServer's own listener.
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
  logger.info({ path: options.path }, 'WebSocket subscriptions endpoint ready');
  return {
    async close() {
      stopWatching?.();
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/**
 * graphql-ws keys subscriptions by id alone: an id completed and sent again while its first
 * subscribe is still being checked makes both streams share one entry, and the first is never
 * closed (its upstream stays open after the connection ends). Such an id is still taken: 4409,
 * as for any id in use.
 * @param settingUp - ids being checked, per connection
 * @param socket - the connection
 * @param id - the subscribe message's id
 * @param check - the checks of onSubscribe
 */
async function oneSetupPerId<T>(settingUp: WeakMap<WebSocket, Set<string>>, socket: WebSocket, id: string, check: () => Promise<T>): Promise<T | GraphQLError[]> {
  const ids = settingUp.get(socket) ?? new Set<string>();
  settingUp.set(socket, ids);
  if (ids.has(id)) {
    // A fixed reason: a close reason may not exceed 123 bytes, and the id is the client's.
    socket.close(4409, 'Subscriber for this id already exists');
    return [new GraphQLError('Subscriber for this id already exists.', { extensions: { code: 'BAD_USER_INPUT' } })];
  }
  ids.add(id);
  try {
    return await check();
  } finally {
    ids.delete(id);
  }
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

/**
 * Checks the token's expiry again before every event: an expired session receives nothing more.
 * A plain iterator, not an async generator, so that return() (the client completed or left)
 * reaches the source at once instead of waiting for the next event.
 */
function untilExpiry<T>(source: AsyncIterable<T>, expiresAtMs: number | undefined): AsyncIterableIterator<T> {
  const iterator = source[Symbol.asyncIterator]();
  return {
    async next() {
      const result = await iterator.next();
      if (!result.done && expiresAtMs !== undefined && Date.now() >= expiresAtMs) {
        await iterator.return?.();
        throw new GraphQLError('Token expired; sign in again.', { extensions: { code: 'UNAUTHENTICATED' } });
      }
      return result;
    },
    async return() {
      return (await iterator.return?.()) ?? { value: undefined, done: true };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
