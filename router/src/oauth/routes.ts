/**
 * Mounts the third-party app endpoints on the router: the discovery documents and, when an
 * identity service is configured, `POST /oauth/token` behind the client address's budget, and
 * CORS on it and `/graphql` for the origins registered by live apps.
 */
import type { Express } from 'express';
import type { Logger } from '@hospital/service-kit';
import type { RouterConfig } from '../router-config.ts';
import type { EdgeServices } from '../router-edge.ts';
import { schemaRoute } from '../explorer/api-schema.ts';
import { corsForApps, startOriginPoller, type ClientOrigins } from './cors.ts';
import { AUTHORIZE_PATH, authorizeEndpoint } from './authorize-endpoint.ts';
import { TOKEN_PATH, tokenEndpoint } from './token-endpoint.ts';
import { createTokenIssuer } from './token-issuer.ts';
import { wellKnownRoutes } from './well-known.ts';

/**
 * Mounts the routes; returns what must be closed with the router.
 * @param app - the router's Express app (before its 404 handler)
 * @param config - `oauth` settings and the internal secret
 * @param edge - rate limiter and client-address rule
 * @param logger - the router's logger
 * @param origins - the admitted browser origins (shared with the WebSocket endpoint), fed here
 */
export function mountOAuthRoutes(
  app: Express,
  config: RouterConfig,
  edge: Pick<EdgeServices, 'rateLimiter' | 'resolveClientAddress' | 'verifySession'>,
  logger: Logger,
  origins: ClientOrigins,
): { close(): void } {
  const publicUrl = config.oauth?.publicUrl;
  const consentUrl = config.oauth?.consentUrl;
  app.use(wellKnownRoutes({ publicUrl, authorizationCode: consentUrl !== undefined }));
  // The published API schema at a stable URL (what integrators generate their clients from).
  app.use(schemaRoute(config.supergraphSdl));
  if (!config.oauth) return { close() {} };
  const issuer = createTokenIssuer({ identityTarget: config.oauth.identityGrpcTarget, internalSecret: config.internalSecret });
  const poller = startOriginPoller({
    identityTarget: config.oauth.identityGrpcTarget,
    internalSecret: config.internalSecret,
    intervalMs: config.oauth.originPollMs ?? 30_000,
    origins,
    logger: logger.child({ source: 'oauth' }),
  });
  app.use(['/graphql', TOKEN_PATH], corsForApps(origins));
  app.use(
    tokenEndpoint({
      issue: issuer.issue,
      publicUrl,
      // The same per-address budget as /graphql: guessing secrets or flooding identity costs the caller.
      admit: (req) => edge.rateLimiter.take('ip', edge.resolveClientAddress(req)),
      logger: logger.child({ source: 'oauth' }),
    }),
  );
  if (consentUrl) {
    // The same per-address budget: every authorize call reads the app's registration.
    app.use(AUTHORIZE_PATH, (req, res, next) => {
      edge.rateLimiter.take('ip', edge.resolveClientAddress(req)).then((budget) => {
        if (budget.allowed) return next();
        res
          .set('Retry-After', String(budget.retryAfterSeconds ?? 1))
          .status(429)
          .type('text/plain')
          .send('Too many requests; retry later.');
      }, next);
    });
    app.use(
      authorizeEndpoint({
        check: issuer.check,
        createCode: issuer.createCode,
        verify: (authorization) => edge.verifySession(authorization).caller,
        consentUrl,
        logger: logger.child({ source: 'oauth' }),
      }),
    );
  }
  return {
    close() {
      poller.close();
      issuer.close();
    },
  };
}
