/**
 * One subgraph process: Apollo Server over express with the kit's context, `@auth` enforcement,
 * scalars and error masking. `createSubgraphServer` builds everything without touching the
 * network (tests can call `apollo.executeOperation`); `listen` binds a port.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { runnableName } from '@hospital/grpc-contracts/departments';
import { httpServerSpans, requestContextStore, REQUEST_ID_HEADER, initProcessMetrics, serveMetrics, type Logger } from '@hospital/service-kit';
import { applyAuthDirectives } from './auth-directive.ts';
import { buildSubgraphContext, requestIdFrom, type SubgraphContext } from './context.ts';
import { createErrorFormatter, INTERNAL_MESSAGE } from './errors.ts';
import { subgraphMetricsPlugin } from './metrics.ts';
import { attachSubgraphSubscriptions } from './subscriptions.ts';

type SchemaModule = Exclude<Extract<Parameters<typeof buildSubgraphSchema>[0], readonly unknown[]>[number], DocumentNode>;
/** The resolver map `buildSubgraphSchema` takes (the package does not export its name). */
export type SubgraphResolverMap = NonNullable<SchemaModule['resolvers']>;

/** What a subgraph hands the kit. */
export interface SubgraphServerOptions {
  /** Subgraph name, for logs. */
  name: string;
  /** The SDL (`schema.graphql`), parsed. */
  typeDefs: DocumentNode;
  /** Resolvers, typed by the subgraph with its generated `Resolvers`. */
  resolvers: SubgraphResolverMap;
  /** INTERNAL_SECRET, to verify the router's identity header. */
  internalSecret: string;
  /** The subgraph's logger. */
  logger: Logger;
  /** Production masks internal errors and turns introspection off. */
  production: boolean;
  /** Extends the per-request context (the identity is already verified when it runs). */
  buildContext?: (base: SubgraphContext) => SubgraphContext | Promise<SubgraphContext>;
  /** Readiness probe beyond "Apollo started", e.g. a gRPC health check; defaults to always ready. */
  ready?: () => Promise<boolean>;
}

/** A listening subgraph. */
export interface RunningSubgraph {
  /** The bound port (useful with port 0). */
  port: number;
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4002/graphql. */
  url: string;
  /** Stops Apollo (draining requests in flight) and the HTTP server. */
  close(): Promise<void>;
}

/** A built, not yet listening, subgraph. */
export interface SubgraphServer {
  /** The express app (`/graphql`, `/health`, `/ready`). */
  app: Express;
  /** The Apollo Server instance. */
  apollo: ApolloServer<SubgraphContext>;
  /** The executable schema, with `@auth` enforcement applied. */
  schema: GraphQLSchema;
  /**
   * Starts Apollo and binds the port.
   * @param port - 0 lets the OS pick
   * @param host - interface to bind (127.0.0.1 by default)
   */
  listen(port: number, host?: string): Promise<RunningSubgraph>;
}

/**
 * Apollo answers bad variables (an impossible `Date`, say) with HTTP 400, but the router's
 * gateway reads no body from a non-2xx subgraph response and reports INTERNAL_SERVER_ERROR.
 * Sending 200 lets the GraphQL errors, with their codes, reach the client.
 */
const graphqlErrorsWithStatus200: ApolloServerPlugin<SubgraphContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.http.status === 400) response.http.status = 200;
      },
    };
  },
};

/**
 * One log line per operation (name, duration, error codes; never variables, which may hold
 * patient data). The request id comes from the bound request context.
 * @param logger - the subgraph's logger
 */
function operationLog(logger: Logger): ApolloServerPlugin<SubgraphContext> {
  return {
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, response }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const errorCodes = body?.errors?.map((e) => e.extensions?.['code']).filter(Boolean) ?? [];
          logger.info({ operationName: operationName ?? null, durationMs: Math.round(performance.now() - started), errorCodes }, 'operation');
        },
      };
    },
  };
}

/** Path of the GraphQL endpoint (the router's subgraph URLs end with it). */
export const GRAPHQL_PATH = '/graphql';

/**
 * Builds a subgraph server without binding a port.
 * @param options - schema, resolvers, secret, logger and mode
 */
export function createSubgraphServer(options: SubgraphServerOptions): SubgraphServer {
  const { logger, production, internalSecret } = options;
  // One subgraph per process in production: its series carry its name (first name wins).
  initProcessMetrics(runnableName(options.name, 'subgraph'));
  const schema = applyAuthDirectives(buildSubgraphSchema([{ typeDefs: options.typeDefs, resolvers: options.resolvers }]));
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<SubgraphContext>({
    schema,
    introspection: !production,
    // The process's one shutdown (registerShutdown) owns SIGTERM: Apollo's own handler re-raised the
    // signal after its stop, which ended the process mid-shutdown as a "second signal" (exit 1).
    stopOnTerminationSignals: false,
    // Never send stack traces, in any mode: they are internals.
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter({ production, logger }),
    logger: logger.child({ source: 'apollo' }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // The router serves Sandbox; subgraphs are internal and need no landing page.
      ApolloServerPluginLandingPageDisabled(),
      // Federated traces (ftv1) would hand timings and error details to whoever asks for them.
      ApolloServerPluginInlineTraceDisabled(),
      graphqlErrorsWithStatus200,
      operationLog(logger.child({ source: 'operation' })),
      subgraphMetricsPlugin(options.name),
    ],
  });

  let graphqlHandler: express.RequestHandler | undefined;
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  // Prometheus scrapes the subgraph's own port (internal: the Ingress routes to the router only).
  app.get('/metrics', serveMetrics);
  app.get('/ready', async (_req, res) => {
    const ok = graphqlHandler !== undefined && (await (options.ready?.() ?? Promise.resolve(true)).catch(() => false));
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'starting' });
  });
  app.use(
    GRAPHQL_PATH,
    // Continues the router's trace from its traceparent (tracing on only).
    httpServerSpans({ route: GRAPHQL_PATH, continueTrace: true, subgraph: options.name }),
    express.json({ limit: '1mb' }),
    (req, res, next) => {
      // Bound before Apollo runs so every log line and masked error carries the request id.
      const requestId = requestIdFrom(req.headers);
      res.setHeader(REQUEST_ID_HEADER, requestId);
      requestContextStore.run({ requestId }, next);
    },
    (req, res, next) => {
      if (graphqlHandler) return graphqlHandler(req, res, next);
      res.status(503).json({ errors: [{ message: 'Starting up.', extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    },
  );

  // Malformed or oversized bodies fail in express.json, before Apollo: answer in GraphQL's shape
  // and never with express's HTML page, which carries a stack trace outside production.
  app.use((error: { status?: number; type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error }, 'unexpected error before GraphQL execution');
    const message = status === 500 ? INTERNAL_MESSAGE : 'Malformed request.';
    res.status(status).json({ errors: [{ message, extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
  });

  const context = async ({ req }: { req: express.Request }): Promise<SubgraphContext> => {
    const store = requestContextStore.getStore();
    const base = buildSubgraphContext({ headers: req.headers, requestId: store?.requestId ?? requestIdFrom(req.headers), internalSecret, logger });
    if (store && base.caller.kind === 'user') store.userId = base.caller.userId;
    return options.buildContext ? options.buildContext(base) : base;
  };

  const listen = async (port: number, host = '127.0.0.1'): Promise<RunningSubgraph> => {
    await apollo.start();
    graphqlHandler = expressMiddleware(apollo, { context });
    try {
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve();
        });
      });
    } catch (error) {
      // A taken port must not leave Apollo running behind a process that is about to exit.
      await apollo.stop();
      throw error;
    }
    const bound = (httpServer.address() as AddressInfo).port;
    // Subgraphs with a Subscription type also speak graphql-ws on the same path (for the router).
    const subscriptions = schema.getSubscriptionType()
      ? attachSubgraphSubscriptions({
          httpServer,
          path: GRAPHQL_PATH,
          schema,
          internalSecret,
          logger: logger.child({ source: 'subscriptions' }),
          buildContext: options.buildContext,
        })
      : undefined;
    const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    logger.info({ subgraph: options.name, port: bound }, 'subgraph listening');
    return {
      port: bound,
      url: `http://${urlHost}:${bound}${GRAPHQL_PATH}`,
      // The drain plugin closes the HTTP server once requests in flight have finished.
      close: async () => {
        await subscriptions?.close();
        await apollo.stop();
      },
    };
  };

  return { app, apollo, schema, listen };
}
