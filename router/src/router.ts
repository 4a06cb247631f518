/**
 * The router: Apollo Server over `@apollo/gateway` on Express, with JWT verification, edge
 * authorization from the supergraph's `@auth`/`@public`, masked errors and health endpoints.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import express from 'express';
import type { Logger } from '@hospital/service-kit';
import { buildAuthRules, schemaFromSdl } from './auth-policy.ts';
import { authPlugin, unauthenticatedError } from './auth-plugin.ts';
import type { RouterContext } from './context.ts';
import { createFormatError } from './format-error.ts';
import { DEFAULT_OPERATION_LIMITS, operationLimitsRule, type OperationLimits } from './operation-limits.ts';
import { DEFAULT_MAX_OPERATION_COST, operationCostCheck } from './operation-cost.ts';
import { clientAddress, compileTrustProxy, type TrustProxy } from './rate-limit/client-ip.ts';
import { MemoryRateLimitStore, type RateLimitStore } from './rate-limit/rate-limit-store.ts';
import { DEFAULT_RATE_LIMITS, ipRateLimit, rateLimitedHttpError, RateLimiter, type RateLimits } from './rate-limit/rate-limiter.ts';
import { assertOverridesMatch, createGateway, SignedIdentityDataSource } from './gateway.ts';
import { healthRoutes } from './health.ts';
import { persistedOperationsHttp } from './persisted-operations-http.ts';
import type { PersistedOperations } from './persisted-operations.ts';
import { jwksRoute } from './jwks.ts';
import { createAccessTokenVerifier, createSessionVerifier, InvalidTokenError, type JwtConfig } from './jwt.ts';
import { createRefusalReporter } from './refusal-audit.ts';
import { TokenRevocationList } from './revocation/revocation-list.ts';
import { startRevocationPoller } from './revocation/revocation-poller.ts';
import { createFederatedSubscribe } from './subscriptions/federated-subscribe.ts';
import { SubscriptionPlanner } from './subscriptions/subscription-plan.ts';
import { UpstreamPool } from './subscriptions/upstream.ts';
import { attachWebSocketEndpoint, type WsLimits } from './subscriptions/ws-endpoint.ts';
import { jsonErrorHandler, requestScope, scopeOf } from './request-log.ts';

/** Everything the router needs; `main.ts` builds it from the environment. */
export interface RouterConfig {
  port: number;
  /** Interface to bind (default 0.0.0.0). */
  host?: string;
  /** The composed supergraph (router/supergraph.graphql). */
  supergraphSdl: string;
  /** Subgraph URL overrides by subgraph name; others use the URL in the supergraph. */
  subgraphUrls: Record<string, string>;
  /** INTERNAL_SECRET, to sign the identity forwarded to subgraphs. */
  internalSecret: string;
  /** Access-token verification. */
  jwt: JwtConfig;
  /**
   * Where the revocation list comes from (revocation/): the identity service, polled. Without it,
   * tokens of deactivated users and changed roles count until they expire.
   */
  tokenRevocation?: { identityGrpcTarget: string; pollIntervalMs: number };
  /** Where operations refused at the edge are reported for the audit trail (the identity service). */
  refusalAudit?: { identityGrpcTarget: string };
  /** Masked errors, no Sandbox, no introspection. */
  production: boolean;
  /** Largest accepted JSON body (default 1 MB). */
  bodyLimitBytes?: number;
  /** Browser origins allowed to open the WebSocket endpoint (non-browser clients send none). */
  allowedOrigins?: string[];
  /** WebSocket limits; defaults in {@link DEFAULT_WS_LIMITS}. */
  wsLimits?: Partial<WsLimits>;
  /** Depth, alias and root-field limits; defaults in {@link DEFAULT_OPERATION_LIMITS}. */
  operationLimits?: Partial<OperationLimits>;
  /** Most an operation may cost (operation-cost.ts); default {@link DEFAULT_MAX_OPERATION_COST}. */
  maxOperationCost?: number;
  /** Per-user and per-address budgets; defaults in {@link DEFAULT_RATE_LIMITS}. */
  rateLimits?: Partial<RateLimits>;
  /** Where rate-limit counts live (default: this process's memory). The caller closes it. */
  rateLimitStore?: RateLimitStore;
  /** Which proxies' X-Forwarded-For sets the client address (Express `trust proxy`); default none. */
  trustProxy?: TrustProxy;
  /** The web app's operation safelist and how strictly it applies (default: off, no manifest). */
  persistedOperations?: PersistedOperations;
}

/** The answer to signed-in users while the router cannot yet check revocations (HTTP 503). */
function startingUpError(): GraphQLError {
  return new GraphQLError('The service is starting; try again in a few seconds.', {
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: new HeaderMap([['retry-after', '5']]) } },
  });
}

/** Most tokens a document may have: parsing stops there, before any other work. */
const MAX_TOKENS = 5_000;

/** Defaults of the WebSocket endpoint's limits. */
export const DEFAULT_WS_LIMITS: WsLimits = {
  subscriptionsPerConnection: 20,
  connectionsPerUser: 10,
  maxPayloadBytes: 64 * 1024,
  connectionInitTimeoutMs: 5_000,
};

/** A running router. */
export interface RunningRouter {
  port: number;
  /** The GraphQL endpoint. */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the router and resolves once it is listening.
 * @param config - see {@link RouterConfig}
 * @param deps - the logger
 */
export async function startRouter(config: RouterConfig, deps: { logger: Logger }): Promise<RunningRouter> {
  const logger = deps.logger;
  const rules = buildAuthRules(schemaFromSdl(config.supergraphSdl));
  // Fail closed: a supergraph without any @auth/@public means the directives were lost somewhere.
  if (rules.size === 0) throw new Error('The supergraph carries no @auth or @public rules; refusing to start.');
  const revocations = config.tokenRevocation ? new TokenRevocationList() : undefined;
  const isRevoked = revocations ? (userId: string, issuedAt: number) => revocations.isRevoked(userId, issuedAt) : undefined;
  const verifyAccessToken = createAccessTokenVerifier(config.jwt, isRevoked);
  const introspection = !config.production;
  const limitsRule = operationLimitsRule({ ...DEFAULT_OPERATION_LIMITS, ...config.operationLimits });
  const maxOperationCost = config.maxOperationCost ?? DEFAULT_MAX_OPERATION_COST;
  const rateLimiter = new RateLimiter(
    { ...DEFAULT_RATE_LIMITS, ...config.rateLimits },
    config.rateLimitStore ?? new MemoryRateLimitStore(),
    logger.child({ source: 'rate-limit' }),
  );
  const trustProxy = compileTrustProxy(config.trustProxy ?? false);
  if (config.trustProxy === true) {
    // Every hop trusted: any client can name any address, in rate limits and the audit trail alike.
    logger.warn('ROUTER_TRUST_PROXY=true believes any X-Forwarded-For; name the proxies (addresses, subnets, loopback) instead');
  }
  const persisted: PersistedOperations = config.persistedOperations ?? { mode: 'off', manifest: new Map() };
  const refusals = config.refusalAudit
    ? createRefusalReporter({ identityTarget: config.refusalAudit.identityGrpcTarget, internalSecret: config.internalSecret, logger: logger.child({ source: 'audit' }) })
    : undefined;

  const app = express();
  app.disable('x-powered-by');
  // req.ip: the socket peer, or X-Forwarded-For from trusted proxies only (spoofable otherwise).
  app.set('trust proxy', trustProxy);
  const httpServer = createServer(app);
  const { gateway, subgraphs } = createGateway({
    supergraphSdl: config.supergraphSdl,
    subgraphUrls: config.subgraphUrls,
    internalSecret: config.internalSecret,
    logger: logger.child({ source: 'gateway' }),
  });
  const server = new ApolloServer<RouterContext>({
    gateway,
    logger,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    validationRules: [limitsRule],
    parseOptions: { maxTokens: MAX_TOKENS },
    // Only the safelist resolves hashes: Apollo's automatic persisted queries would let any
    // client register documents of its own under a hash.
    persistedQueries: false,
    introspection,
    includeStacktraceInErrorResponses: !config.production,
    formatError: createFormatError({ production: config.production, logger }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      config.production ? ApolloServerPluginLandingPageDisabled() : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
      // Operations may name patients; nothing is reported to Apollo's cloud whatever the environment says.
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      // The cost check runs inside it, after access is decided: one ordered verdict per operation.
      authPlugin({ rules, introspection, checkCost: operationCostCheck({ maxCost: maxOperationCost }), ...(refusals ? { refusals } : {}) }),
    ],
  });
  await server.start();
  let loaded = true;

  // Subscriptions: our own executor over the gateway's planner (the gateway cannot run them).
  const pool = new UpstreamPool(config.internalSecret);
  const federated = createFederatedSubscribe({
    planner: new SubscriptionPlanner(config.supergraphSdl),
    pool,
    dataSources: Object.fromEntries([...subgraphs].map(([name, url]) => [name, new SignedIdentityDataSource(url, config.internalSecret)])),
    subgraphUrls: subgraphs,
    apiSchema: () => {
      if (!gateway.schema) throw new Error('gateway not loaded');
      return gateway.schema;
    },
    logger: logger.child({ source: 'subscriptions' }),
  });
  const wsEndpoint = attachWebSocketEndpoint({
    httpServer,
    path: '/graphql',
    schema: () => {
      if (!gateway.schema) throw new Error('gateway not loaded');
      return gateway.schema;
    },
    rules,
    introspection,
    verifySession: createSessionVerifier(config.jwt, isRevoked),
    ...(revocations ? { revocations } : {}),
    ...(refusals ? { refusals } : {}),
    subscribe: federated.subscribe,
    allowedOrigins: config.allowedOrigins ?? [],
    limits: { ...DEFAULT_WS_LIMITS, ...config.wsLimits },
    validationRules: [limitsRule],
    maxTokens: MAX_TOKENS,
    maxOperationCost,
    rateLimiter,
    clientAddress: (request) => clientAddress(request, trustProxy),
    persisted,
    logger: logger.child({ source: 'ws' }),
  });

  app.use(requestScope(logger));
  // Not ready before the first revocation list: a revoked user must not slip in through a fresh router.
  app.use(healthRoutes({ isLoaded: () => loaded && (revocations?.loaded ?? true), subgraphs }));
  // Public verification keys, so services outside the router can check access tokens themselves.
  app.use(jwksRoute(config.jwt.keys));
  app.use(
    '/graphql',
    // Before the body is parsed: a flood costs the router as little as possible.
    ipRateLimit(rateLimiter),
    express.json({ limit: config.bodyLimitBytes ?? 1024 * 1024 }),
    persistedOperationsHttp(persisted, logger.child({ source: 'persisted-operations' })),
    expressMiddleware(server, {
      context: async ({ req, res }): Promise<RouterContext> => {
        const scope = scopeOf(res.locals);
        try {
          const caller = verifyAccessToken(req.headers.authorization);
          if (caller.kind === 'user') {
            scope.userId = caller.userId;
            // Until the first revocation list has arrived a revoked token looks like a good one:
            // signed-in users wait (503) rather than slip in; signing in still works.
            if (revocations && !revocations.loaded) throw startingUpError();
            const verdict = await rateLimiter.take('user', caller.userId);
            if (!verdict.allowed) throw rateLimitedHttpError(verdict);
          }
          return { caller, requestId: scope.requestId, scope, origin: { ip: req.ip, userAgent: req.get('user-agent') } };
        } catch (error) {
          if (!(error instanceof InvalidTokenError)) throw error;
          logger.info({ requestId: scope.requestId, reason: error.reason }, 'access token refused');
          throw unauthenticatedError(error.message);
        }
      },
    }),
  );
  app.use((_req, res) => {
    res.status(404).json({ errors: [{ message: 'Not found.', extensions: { code: 'NOT_FOUND' } }] });
  });
  app.use(jsonErrorHandler(logger));

  const host = config.host ?? '0.0.0.0';
  const poller =
    revocations && config.tokenRevocation
      ? startRevocationPoller({
          identityTarget: config.tokenRevocation.identityGrpcTarget,
          internalSecret: config.internalSecret,
          intervalMs: config.tokenRevocation.pollIntervalMs,
          list: revocations,
          logger: logger.child({ source: 'token-revocation' }),
        })
      : undefined;
  try {
    // One attempt before listening, so the list is usually there for the first request; when it
    // fails the router still starts, and /ready says 503 until a poll succeeds.
    await poller?.firstPoll;
    assertOverridesMatch(config.subgraphUrls, subgraphs);
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    poller?.close();
    refusals?.close();
    await server.stop();
    throw error;
  }
  const port = (httpServer.address() as AddressInfo).port;
  const publicHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    port,
    url: `http://${publicHost}:${port}/graphql`,
    async close() {
      loaded = false;
      poller?.close();
      await wsEndpoint.close();
      await pool.close();
      // Stops the gateway and drains the HTTP server (the drain plugin closes it).
      await server.stop();
      refusals?.close();
    },
  };
}
