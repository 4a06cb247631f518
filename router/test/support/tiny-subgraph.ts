/**
 * Small but real federation subgraphs for router tests: `@apollo/subgraph` schemas in the
 * project's `@auth` style, served by Apollo Server on Express at a free port, recording every
 * request they receive so tests can see exactly what the router forwarded.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import express from 'express';
import { parse } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';

/** The shared header of every test subgraph: federation link, auth directives, Role enum. */
export const AUTH_PRELUDE = `
  extend schema
    @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@shareable", "@composeDirective"])
    @link(url: "https://specs.hospital-system.dev/auth/v1.0", import: ["@auth", "@public"])
    @composeDirective(name: "@auth")
    @composeDirective(name: "@public")
  directive @auth(requires: [Role!]!) repeatable on OBJECT | FIELD_DEFINITION
  directive @public on FIELD_DEFINITION
  enum Role { ADMIN DOCTOR PHARMACIST FINANCE WARD_STAFF }
`;

/** A resolver map as `buildSubgraphSchema` takes it (its type is not exported by name). */
export type Resolvers = NonNullable<Extract<Extract<Parameters<typeof buildSubgraphSchema>[0], readonly unknown[]>[number], { resolvers?: unknown }>['resolvers']>;

/** One request as the subgraph saw it. */
export interface SeenRequest {
  headers: IncomingHttpHeaders;
  query: string;
}

/** A running test subgraph. */
export interface TinySubgraph {
  name: string;
  sdl: string;
  url: string;
  /** Every GraphQL request received, oldest first. */
  seen: SeenRequest[];
  /** connectionParams of every graphql-ws connection received (subscriptions). */
  wsConnections: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

/** What resolvers receive as context: the headers of the incoming request. */
export interface TinyContext {
  headers: IncomingHttpHeaders;
  /** graphql-ws connectionParams, for subscriptions. */
  connectionParams?: Record<string, unknown>;
}

/**
 * Starts a subgraph on 127.0.0.1 at a free port with `/graphql` and `/health`.
 * @param name - subgraph name
 * @param body - SDL after {@link AUTH_PRELUDE}
 * @param resolvers - resolver map
 */
export async function startTinySubgraph(name: string, body: string, resolvers: Resolvers): Promise<TinySubgraph> {
  const sdl = `${AUTH_PRELUDE}\n${body}`;
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers }]);
  const server = new ApolloServer<TinyContext>({ schema });
  await server.start();
  const seen: SeenRequest[] = [];
  const app = express();
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    '/graphql',
    express.json(),
    (req, _res, next) => {
      seen.push({ headers: req.headers, query: String((req.body as { query?: unknown } | undefined)?.query ?? '') });
      next();
    },
    expressMiddleware(server, { context: async ({ req }) => ({ headers: req.headers }) }),
  );
  const httpServer = createServer(app);
  // Subscriptions over graphql-ws on the same path, as the real subgraphs serve them.
  const wsConnections: Array<Record<string, unknown>> = [];
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const ws = useServer(
    {
      schema,
      context: (ctx) => ({ headers: {}, connectionParams: ctx.connectionParams ?? {} }),
      onConnect: (ctx) => {
        wsConnections.push(ctx.connectionParams ?? {});
        return true;
      },
    },
    wss,
  );
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    name,
    sdl,
    url: `http://127.0.0.1:${port}/graphql`,
    seen,
    wsConnections,
    async close() {
      await ws.dispose();
      wss.close();
      await server.stop();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
