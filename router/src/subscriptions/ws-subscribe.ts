/**
 * The WebSocket subscribe path: each subscribe message goes through the same admission pipeline
 * as an HTTP request (rate limits, token, safelist, anonymous gate, parse, budget, validation,
 * access with refusal audit, variables, cost), then the per-connection subscription cap. Every
 * error leaving this endpoint (refusals, and errors in events) is formatted by the router's one
 * formatError, so production masks them exactly as on HTTP.
 */
import type { IncomingMessage } from 'node:http';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import type { WebSocket } from 'ws';
import type { Caller } from '@hospital/service-kit';
import type { ErrorFormatter } from '../admission/http-admission.ts';
import type { AdmissionPipeline } from '../admission/pipeline.ts';
import { mintRequestId, type RouterContext } from '../context.ts';
import type { SubscribeArgs } from './federated-subscribe.ts';
import { upgradeHeaderFacts } from './ws-headers.ts';

/**
 * Close code of a connection whose subscriber fell more than its queue behind (the queue holds
 * 200 events): its events were not dropped one by one, the connection ends, and the client
 * reconnects knowing it missed some (4xxx: application codes; 4400-4499 mirror HTTP statuses,
 * 4408/4409/4429 are taken by graphql-ws and the router).
 */
export const WS_CLOSE_TOO_SLOW = 4413;

/** What a connection knows once its connection_init was accepted. */
export interface ConnectionState {
  caller?: Caller;
  /** The connection's token, checked again by the pipeline on every subscribe. */
  authorization?: string;
  /** The client address of the handshake (trusted-proxy rule applied). */
  clientAddress: string;
  expiresAtMs?: number;
  expiryTimer?: NodeJS.Timeout;
  active: number;
  /** Unregisters the connection from revocation watching. */
  unwatch?: () => void;
}

/** graphql-ws's context of one connection, with our state. */
type Ctx = Parameters<NonNullable<ServerOptions<Record<string, unknown>, Extra & Partial<{ state?: ConnectionState }>>['onSubscribe']>>[0];

/**
 * The subscribe-side hooks of graphql-ws.
 * @param options - the pipeline, the API schema, the executor, the shared formatter, the cap
 */
export function subscribeHooks(options: {
  pipeline: AdmissionPipeline;
  schema: () => GraphQLSchema;
  subscribe: (args: SubscribeArgs) => AsyncIterable<unknown>;
  formatError: ErrorFormatter;
  subscriptionsPerConnection: number;
  /** Whether a connection's handshake came from the router's own explorer page (its Origin); unset: never. */
  fromExplorer?: ((request: IncomingMessage) => boolean) | undefined;
}): Pick<ServerOptions<Record<string, unknown>, Extra & Partial<{ state?: ConnectionState }>>, 'onSubscribe' | 'onComplete' | 'subscribe' | 'onNext' | 'onError'> {
  // Token expiry of the connection each subscription's context belongs to.
  const expiryOf = new WeakMap<RouterContext, number>();
  // The connection of each subscription's context, closed when the subscriber falls too far behind.
  const socketOf = new WeakMap<RouterContext, WebSocket>();
  // Subscribe ids each connection is still checking (see oneSetupPerId).
  const settingUp = new WeakMap<WebSocket, Set<string>>();
  const format = (errors: readonly GraphQLError[]): GraphQLFormattedError[] => errors.map((error) => options.formatError(error.toJSON(), error));
  return {
    onSubscribe: (ctx: Ctx, id, payload) =>
      oneSetupPerId(settingUp, ctx.extra.socket, id, async () => {
        const state = ctx.extra.state;
        if (!state?.caller) return [new GraphQLError('Sign in first.', { extensions: { code: 'UNAUTHENTICATED' } })];
        const admission = await options.pipeline.admit({
          transport: 'ws',
          clientAddress: state.clientAddress,
          ...upgradeHeaderFacts(ctx.extra.request),
          // Set by connection_init to the non-empty token it admitted.
          authorization: state.authorization,
          fromExplorer: options.fromExplorer?.(ctx.extra.request) === true,
          query: payload.query,
          extensions: payload.extensions,
          operationName: payload.operationName ?? null,
          variables: payload.variables ?? null,
          requestId: mintRequestId(),
        });
        if ('refused' in admission) return [...admission.refused.errors];
        // After the last await: this check and `active += 1` stay one synchronous step.
        if (state.active >= options.subscriptionsPerConnection) {
          return [new GraphQLError('Too many subscriptions on this connection.', { extensions: { code: 'BAD_USER_INPUT' } })];
        }
        const admitted = admission.admitted;
        const contextValue: RouterContext = {
          caller: admitted.caller,
          requestId: admitted.requestId,
          scope: {
            requestId: admitted.requestId,
            userId: admitted.caller.kind === 'user' ? admitted.caller.userId : undefined,
            operationName: admitted.operationName,
          },
          origin: admitted.origin,
          admitted,
        };
        if (state.expiresAtMs !== undefined) expiryOf.set(contextValue, state.expiresAtMs);
        socketOf.set(contextValue, ctx.extra.socket);
        state.active += 1;
        return { schema: options.schema(), document: admitted.document, operationName: admitted.operationName ?? null, variableValues: admitted.variables, contextValue };
      }),
    onComplete: (ctx) => {
      if (ctx.extra.state) ctx.extra.state.active = Math.max(0, ctx.extra.state.active - 1);
    },
    subscribe: (args) => {
      const context = args.contextValue as RouterContext;
      const socket = socketOf.get(context);
      const events = options.subscribe({
        document: args.document,
        operationName: args.operationName ?? undefined,
        variables: args.variableValues ?? {},
        context,
        // The whole connection: the client reconnects and subscribes again, and knows it missed events.
        onTooSlow: () => socket?.close(WS_CLOSE_TOO_SLOW, 'Subscriber fell too far behind; reconnect'),
      });
      return untilExpiry(events, expiryOf.get(context)) as never;
    },
    // One formatter for both transports: masked in production, hints stripped.
    onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: format(result.errors) } : undefined),
    onError: (_ctx, _id, _payload, errors) => format(errors),
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
