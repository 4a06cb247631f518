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
import { rateLimitedBody, rateLimitedError, rateLimitMessage, type RateLimiter } from '../rate-limit/rate-limiter.ts';
import { withoutSuggestions } from '../format-error.ts';
import { resolvePersistedOperation, type PersistedOperations } from '../persisted-operations.ts';
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
  revocations?: Pick<TokenRevocationList, 'onRevoked' | 'isRevoked'>;
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
        let verdict = await rateLimiter.take('ip', address);
        if (verdict.allowed) verdict = await rateLimiter.take('ws-connect-ip', address);
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
      onSubscribe: async (ctx, _id, payload) => {
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
        if (!decision.allowed) {
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
          scope: { requestId: '', ...(state.caller.kind === 'user' ? { userId: state.caller.userId } : {}) },
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
      },
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
  logger.info({ path: options.path }, 'WebSocket subscriptions endpoint ready');
  return {
    async close() {
      stopWatching?.();
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** Checks the token's expiry again before every event: an expired session receives nothing more. */
async function* untilExpiry<T>(source: AsyncIterable<T>, expiresAtMs: number | undefined): AsyncGenerator<T> {
  for await (const item of source) {
    if (expiresAtMs !== undefined && Date.now() >= expiresAtMs) {
      throw new GraphQLError('Token expired; sign in again.', { extensions: { code: 'UNAUTHENTICATED' } });
    }
    yield item;
  }
}
