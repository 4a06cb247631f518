/**
 * The router: Apollo Server over `@apollo/gateway` on Express, behind one admission pipeline
 * (admission/) that HTTP and the WebSocket endpoint both call, with masked errors and health
 * endpoints. `buildRouterApp` wires everything without listening; `listen` opens the port.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import type { GraphQLSchema } from 'graphql';
import express, { type Express, type Request } from 'express';
import { applyHttpServerLimits, DEFAULT_HTTP_SERVER_LIMITS, httpServerSpans, type Logger } from '@hospital/service-kit';
import { admissionStateOf, admittedOf, httpAdmission } from './admission/http-admission.ts';
import type { AdmissionPipeline } from './admission/pipeline.ts';
import type { RouterContext } from './context.ts';
import { createApollo } from './apollo-server.ts';
import { createSubgraphFetcher, type SubgraphFetcher } from './fetcher.ts';
import { assertOverridesMatch, createGateway, RequestIdentitySigner, SignedIdentityDataSource, warmQueryPlans } from './gateway.ts';
import { DEFAULT_EXPLORER_CACHE_DIR, explorerAssetLoader, PREBUILT_EXPLORER_DIR } from './explorer/assets.ts';
import { isRouterOrigin } from './explorer/origin.ts';
import { explorerRoutes } from './explorer/routes.ts';
import { mountFhirRoutes } from './fhir/index.ts';
import { healthRoutes } from './health.ts';
import { jwksRoute } from './jwks.ts';
import { ClientOrigins } from './oauth/cors.ts';
import { sessionRoutes } from './session/session-routes.ts';
import { mountOAuthRoutes } from './oauth/routes.ts';
import { countActiveSubscriptions, countOpenWebSockets, meteredFetch, routerMetricsPlugin } from './metrics.ts';
import { clientAddressMiddleware } from './rate-limit/client-ip.ts';
import { jsonErrorHandler, requestScope, scopeOf } from './request-log.ts';
import { startRevocationPoller } from './revocation/revocation-poller.ts';
import { DEFAULT_WS_LIMITS, type RouterConfig } from './router-config.ts';
import { createEdgeServices, type EdgeServices } from './router-edge.ts';
import { ROUTER_SERVICE_NAME } from '@hospital/grpc-contracts';
import { createDeliveryAudit } from '@hospital/service-kit/grpc';
import { createFederatedSubscribe } from './subscriptions/federated-subscribe.ts';
import { SubscriptionPlanner } from './subscriptions/subscription-plan.ts';
import { UpstreamPool } from './subscriptions/upstream.ts';
import { attachWebSocketEndpoint } from './subscriptions/ws-connection.ts';

export { DEFAULT_ANONYMOUS_LIMITS, DEFAULT_WS_LIMITS, type AnonymousLimits, type RouterConfig } from './router-config.ts';

/** A running router. */
export interface RunningRouter {
  port: number;
  /** The GraphQL endpoint. */
  url: string;
  /** How often each admission step ran (proof, in tests, of where a refusal happened). */
  admissionStepRuns: Readonly<Record<string, number>>;
  /** Load-shed slots held and requests waiting now (tests: proof that slots come back). */
  admissionLoad: () => { inFlight: number; queued: number; limit: number };
  close(): Promise<void>;
}

/** A router wired up but not listening. */
export interface RouterApp {
  app: Express;
  httpServer: Server;
  admission: AdmissionPipeline;
  /** Subgraph name → URL the gateway calls. */
  subgraphs: Map<string, string>;
  /** The first revocation poll (resolved at once without revocation). */
  firstPoll: Promise<unknown>;
  /** Stops everything (the HTTP server too, once listening). */
  close(): Promise<void>;
}

/**
 * The WebSocket endpoint: our own executor over the gateway's planner (the gateway cannot run
 * subscriptions), behind the same admission pipeline as HTTP.
 */
function subscriptionEndpoint(
  config: RouterConfig,
  edge: EdgeServices,
  parts: { httpServer: Server; subgraphs: Map<string, string>; apiSchema: () => GraphQLSchema; signer: RequestIdentitySigner; fetcher: SubgraphFetcher; origins: ClientOrigins },
  logger: Logger,
): { close(): Promise<void>; activeSubscriptions(): number } {
  const { httpServer, subgraphs, apiSchema, signer, fetcher } = parts;
  const pool = new UpstreamPool(config.internalSecret);
  // Readers of a shared resolution are reported to the audit service the refusals go to.
  const deliveryAudit = config.refusalAudit
    ? createDeliveryAudit({
        identityTarget: config.refusalAudit.identityGrpcTarget,
        internalSecret: config.internalSecret,
        service: ROUTER_SERVICE_NAME,
        logger: logger.child({ source: 'audit' }),
      })
    : undefined;
  const federated = createFederatedSubscribe({
    planner: new SubscriptionPlanner(config.supergraphSdl),
    pool,
    dataSources: Object.fromEntries([...subgraphs].map(([name, url]) => [name, new SignedIdentityDataSource(url, signer, fetcher.fetch)])),
    subgraphUrls: subgraphs,
    apiSchema,
    deliveryAudit,
    logger: logger.child({ source: 'subscriptions' }),
  });
  const wsEndpoint = attachWebSocketEndpoint({
    httpServer,
    path: '/graphql',
    schema: apiSchema,
    pipeline: edge.admission,
    formatError: edge.formatError,
    verifySession: edge.verifySession,
    revocations: edge.revocations,
    subscribe: federated.subscribe,
    origins: parts.origins,
    limits: { ...DEFAULT_WS_LIMITS, ...config.wsLimits },
    rateLimiter: edge.rateLimiter,
    clientAddress: edge.resolveClientAddress,
    // The explorer page's WebSocket (its Origin is the router's own) gets the HTTP exception to the safelist.
    fromExplorer: explorerEnabled(config) ? (request: IncomingMessage) => isRouterOrigin(request.headers.origin, request.headers.host, config.oauth?.publicUrl) : undefined,
    logger: logger.child({ source: 'ws' }),
  });
  return {
    activeSubscriptions: wsEndpoint.activeSubscriptions,
    async close() {
      await wsEndpoint.close();
      await pool.close();
      deliveryAudit?.close();
    },
  };
}

/** The explorer is on when configured so, else outside production. */
function explorerEnabled(config: Pick<RouterConfig, 'explorer' | 'production'>): boolean {
  return config.explorer ?? !config.production;
}

/** Health, JWKS and `/graphql` (admission in front of Apollo Server), then JSON 404 and errors. */
function mountRoutes(
  app: Express,
  parts: {
    config: RouterConfig;
    edge: EdgeServices;
    server: ApolloServer<RouterContext>;
    subgraphs: Map<string, string>;
    isLoaded: () => boolean;
    logger: Logger;
    origins: ClientOrigins;
  },
): void {
  const { config, edge, server, subgraphs, logger } = parts;
  // One trace per GraphQL request, started here: a client's traceparent is not trusted (tracing on only).
  app.use('/graphql', httpServerSpans({ route: '/graphql', continueTrace: false }));
  app.use(requestScope(logger));
  // Not ready before the first revocation list: a revoked user must not slip in through a fresh router.
  app.use(healthRoutes({ isLoaded: () => parts.isLoaded() && (edge.revocations?.loaded ?? true), subgraphs }));
  // Public verification keys, so services outside the router can check access tokens themselves.
  app.use(jwksRoute(config.jwt.keys));
  // The FHIR R4 facade: its reads run as GraphQL through the same admission and server (fhir/).
  mountFhirRoutes(app, { config, edge, server, logger, origins: parts.origins });
  app.use(
    '/graphql',
    ...httpAdmission({
      pipeline: edge.admission,
      formatError: edge.formatError,
      bodyLimitBytes: config.bodyLimitBytes ?? 1024 * 1024,
      anonymousBodyLimitBytes: edge.anonymous.maxBodyBytes,
      fromExplorer: explorerEnabled(config) ? (req: Request) => isRouterOrigin(req.get('origin'), req.get('host'), config.oauth?.publicUrl) : undefined,
    }),
    expressMiddleware(server, {
      context: async ({ req, res }): Promise<RouterContext> => {
        const admitted = admittedOf(res);
        const scope = scopeOf(res.locals);
        // Without an admitted operation the request is refused before execution (auth plugin).
        const caller = admitted?.caller ?? admissionStateOf(res)?.caller ?? { kind: 'anonymous' };
        const origin = admitted?.origin ?? { ip: req.ip ?? 'unknown', userAgent: req.get('user-agent') };
        return { caller, requestId: scope.requestId, scope, origin, admitted };
      },
    }),
  );
  app.use((_req, res) => {
    res.status(404).json({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
  });
  app.use(jsonErrorHandler(logger));
}

/**
 * Builds the router (gateway, Apollo Server, admission, WebSocket endpoint, routes) without listening.
 * @param config - see {@link RouterConfig}
 * @param deps - the logger; `metrics: false` records no router metrics (the cost benchmark's baseline)
 */
export async function buildRouterApp(config: RouterConfig, deps: { logger: Logger; metrics?: boolean }): Promise<RouterApp> {
  const logger = deps.logger;
  const signer = new RequestIdentitySigner(config.internalSecret);
  const metered = deps.metrics !== false;
  const subgraphFetcher = createSubgraphFetcher(config.subgraphFetch);
  const fetcher = metered ? { ...subgraphFetcher, fetch: meteredFetch(subgraphFetcher.fetch, () => subgraphs) } : subgraphFetcher;
  const { gateway, subgraphs } = createGateway({
    supergraphSdl: config.supergraphSdl,
    subgraphUrls: config.subgraphUrls,
    signer,
    fetcher: fetcher.fetch,
    logger: logger.child({ source: 'gateway' }),
  });
  const apiSchema = () => {
    if (!gateway.schema) throw new Error('gateway not loaded');
    return gateway.schema;
  };
  const edge = createEdgeServices(config, apiSchema, logger);
  const app = express();
  app.disable('x-powered-by');
  // req.ip: the socket peer, or X-Forwarded-For from a proven or trusted proxy only (spoofable otherwise).
  app.use('/graphql', clientAddressMiddleware(edge.resolveClientAddress));
  const httpServer = createServer(app);
  applyHttpServerLimits(httpServer, config.httpLimits ?? DEFAULT_HTTP_SERVER_LIMITS, {
    // A proxy's connections carry many clients (it caps them per client itself).
    isTrustedProxy: edge.resolveClientAddress.isTrustedProxy,
  });
  const server = createApollo(config, edge, httpServer, gateway, logger);
  if (metered) server.addPlugin(routerMetricsPlugin(edge.persisted.manifest));
  if (metered) countOpenWebSockets(httpServer);
  await server.start();
  // The web app's operations are known in advance: their plans are ready before the first request.
  if (edge.persisted.manifest.size > 0) await warmQueryPlans(gateway, edge.persisted.manifest.values(), logger.child({ source: 'gateway' }));
  let loaded = true;

  // One origin rule for CORS and the WebSocket: configured first-party origins and live apps' registered ones.
  // The explorer's own page opens the WebSocket from the router's public origin (when one is set).
  const explorerOrigin = explorerEnabled(config) && config.oauth?.publicUrl ? [new URL(config.oauth.publicUrl).origin] : [];
  const origins = new ClientOrigins([...(config.allowedOrigins ?? []), ...explorerOrigin]);
  const subscriptions = subscriptionEndpoint(config, edge, { httpServer, subgraphs, apiSchema, signer, fetcher, origins }, logger);
  const unmeter = metered ? countActiveSubscriptions(subscriptions.activeSubscriptions) : () => {};
  // The API explorer's page and bundle (explorer/), bundled at first use when run from the sources.
  if (explorerEnabled(config)) {
    const explorer = explorerRoutes({
      assets: explorerAssetLoader({ prebuiltDir: PREBUILT_EXPLORER_DIR, cacheDir: DEFAULT_EXPLORER_CACHE_DIR }),
      logger: logger.child({ source: 'explorer' }),
    });
    // Only reads reach it: an Express router answers OPTIONS for its own paths by itself
    // (`Allow: GET, HEAD`), which swallowed browser apps' CORS preflight of /graphql.
    app.use((req, res, next) => (req.method === 'GET' || req.method === 'HEAD' ? explorer(req, res, next) : next()));
  }
  // Third-party apps: discovery documents and the token endpoint (oauth/).
  const oauth = mountOAuthRoutes(app, config, edge, logger, origins);
  // Staff sessions with the refresh token in an HttpOnly cookie (session/), under the same origin rule.
  const sessions = config.tokenRevocation
    ? sessionRoutes({
        identityTarget: config.tokenRevocation.identityGrpcTarget,
        internalSecret: config.internalSecret,
        origins,
        clientAddress: (req) => edge.resolveClientAddress(req),
        admit: (req) => edge.rateLimiter.take('ip', edge.resolveClientAddress(req)),
        logger: logger.child({ source: 'session' }),
      })
    : undefined;
  if (sessions) app.use(sessions.router);
  mountRoutes(app, { config, edge, server, subgraphs, isLoaded: () => loaded, logger, origins });

  const poller =
    edge.revocations && config.tokenRevocation
      ? startRevocationPoller({
          identityTarget: config.tokenRevocation.identityGrpcTarget,
          internalSecret: config.internalSecret,
          intervalMs: config.tokenRevocation.pollIntervalMs,
          list: edge.revocations,
          logger: logger.child({ source: 'token-revocation' }),
        })
      : undefined;
  return {
    app,
    httpServer,
    admission: edge.admission,
    subgraphs,
    firstPoll: poller?.firstPoll ?? Promise.resolve(),
    async close() {
      loaded = false;
      unmeter();
      poller?.close();
      await subscriptions.close();
      // Stops the gateway and drains the HTTP server (the drain plugin closes it).
      await server.stop();
      await fetcher.close();
      edge.refusals?.close();
      oauth.close();
      sessions?.close();
    },
  };
}

/**
 * Opens the port once the first revocation poll has been tried and the subgraph overrides check out.
 * @param router - from {@link buildRouterApp}
 * @param config - port, host and subgraph overrides
 */
export async function listen(router: RouterApp, config: Pick<RouterConfig, 'port' | 'host' | 'subgraphUrls'>): Promise<RunningRouter> {
  const host = config.host ?? '0.0.0.0';
  // One attempt before listening, so the list is usually there for the first request; when it
  // fails the router still starts, and /ready says 503 until a poll succeeds.
  await router.firstPoll;
  assertOverridesMatch(config.subgraphUrls, router.subgraphs);
  await new Promise<void>((resolve, reject) => {
    router.httpServer.once('error', reject);
    router.httpServer.listen(config.port, host, () => {
      router.httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (router.httpServer.address() as AddressInfo).port;
  const publicHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    port,
    url: `http://${publicHost}:${port}/graphql`,
    admissionStepRuns: router.admission.stepRuns,
    admissionLoad: () => router.admission.load(),
    close: () => router.close(),
  };
}

/**
 * Builds the router and resolves once it is listening.
 * @param config - see {@link RouterConfig}
 * @param deps - the logger
 */
export async function startRouter(config: RouterConfig, deps: { logger: Logger; metrics?: boolean }): Promise<RunningRouter> {
  const router = await buildRouterApp(config, deps);
  try {
    return await listen(router, config);
  } catch (error) {
    await router.close();
    throw error;
  }
}
