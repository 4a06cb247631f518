/**
 * Subscriptions of a subgraph over graphql-ws, on the same `/graphql` path as HTTP. Only the
 * router connects here: the connection must carry the router-signed identity in
 * `connectionParams.identity`, and the schema (with `@auth` on `subscribe`) decides the rest.
 */
import type { Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { signIdentity, verifyIdentity, type Caller, type Logger } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';
import { LoaderRegistry, type SubgraphContext } from './context.ts';

/** Close code for a connection without a valid router identity. */
export const WS_UNAUTHORIZED = 4401;

/**
 * Attaches the graphql-ws endpoint to the subgraph's HTTP server.
 * @param options - server, path, schema (auth applied), secret, logger, context extension
 */
export function attachSubgraphSubscriptions(options: {
  httpServer: Server;
  path: string;
  schema: GraphQLSchema;
  internalSecret: string;
  logger: Logger;
  buildContext?: (base: SubgraphContext) => SubgraphContext | Promise<SubgraphContext>;
}): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server: options.httpServer, path: options.path, maxPayload: 64 * 1024 });
  const callers = new WeakMap<object, Caller>();
  const cleanup = useServer(
    {
      schema: options.schema,
      connectionInitWaitTimeout: 5_000,
      onConnect: (ctx) => {
        const identity = ctx.connectionParams?.['identity'];
        const caller = typeof identity === 'string' ? verifyIdentity(identity, options.internalSecret) : undefined;
        if (!caller) {
          ctx.extra.socket.close(WS_UNAUTHORIZED, 'Missing or invalid internal identity');
          return false;
        }
        callers.set(ctx.extra, caller);
        return true;
      },
      context: async (ctx) => {
        const caller = callers.get(ctx.extra) ?? { kind: 'anonymous' as const };
        const requestId = randomUUID();
        const base: SubgraphContext = {
          caller,
          identityToken: signIdentity(caller, options.internalSecret),
          requestId,
          logger: options.logger,
          // A subscription outlives the 2-minute internal token: sign afresh for each call.
          grpcMetadata: () => callMetadata(signIdentity(caller, options.internalSecret), requestId),
          loaders: new LoaderRegistry(() => base),
        };
        return options.buildContext ? options.buildContext(base) : base;
      },
    },
    wss,
  );
  return {
    async close() {
      await cleanup.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
