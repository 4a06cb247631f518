/** The router's Apollo Server: execution only (every edge check runs in admission/ before it). */
import type { Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled, ApolloServerPluginSchemaReportingDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import type { Logger } from '@hospital/service-kit';
import { authPlugin } from './auth-plugin.ts';
import type { RouterContext } from './context.ts';
import type { createGateway } from './gateway.ts';
import { retryLaterStatusPlugin } from './retry-later-status.ts';
import { MAX_TOKENS, type RouterConfig } from './router-config.ts';
import type { EdgeServices } from './router-edge.ts';

/**
 * Apollo Server over the gateway; admission has already run when it sees a request.
 * @param config - production switches (stack traces)
 * @param edge - introspection and the shared formatError
 * @param httpServer - drained on stop
 * @param gateway - the federation gateway
 * @param logger - Apollo Server's logger
 */
export function createApollo(config: RouterConfig, edge: EdgeServices, httpServer: Server, gateway: ReturnType<typeof createGateway>['gateway'], logger: Logger) {
  return new ApolloServer<RouterContext>({
    gateway,
    logger,
    // The process's one shutdown (registerShutdown) owns SIGTERM: Apollo's own handler re-raised the
    // signal after its stop, which ended the process mid-shutdown as a "second signal" (exit 1).
    stopOnTerminationSignals: false,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    parseOptions: { maxTokens: MAX_TOKENS },
    // Only the safelist resolves hashes: Apollo's automatic persisted queries would let any
    // client register documents of its own under a hash.
    persistedQueries: false,
    introspection: edge.introspection,
    includeStacktraceInErrorResponses: !config.production,
    formatError: edge.formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // No Apollo Sandbox: it loads from Apollo's CDN, unreachable on a hospital network. Browsers
      // opening /graphql get the router's own bundled explorer instead (explorer/routes.ts).
      ApolloServerPluginLandingPageDisabled(),
      // Operations may name patients; nothing is reported to Apollo's cloud whatever the environment says.
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      // Only what the admission pipeline admitted executes.
      authPlugin(),
      // A service's 429/503 refusal (login throttle, busy password hashing) leaves as 429/503.
      retryLaterStatusPlugin(),
    ],
  });
}
