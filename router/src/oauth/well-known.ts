/**
 * Discovery documents for app developers: RFC 8414 `/.well-known/oauth-authorization-server` and
 * SMART's `/.well-known/smart-configuration`, both describing the token endpoint, the grant, the
 * client authentication methods, the scopes and the JWKS.
 */
import express, { type Router } from 'express';
import { ASSERTION_ALGORITHMS, CODE_CHALLENGE_METHODS, GRANT_TYPES, supportedScopes, TOKEN_ENDPOINT_AUTH_METHODS } from '@hospital/grpc-contracts/access';
import { AUTHORIZE_PATH } from './authorize-endpoint.ts';
import { baseUrlOf, TOKEN_PATH } from './token-endpoint.ts';

/** Where the public keys are (jwks.ts). */
const JWKS_PATH = '/.well-known/jwks.json';

/**
 * The two discovery documents.
 * @param options - the router's public URL (from the request when unset); whether the
 *   authorization code flow is offered (a consent screen is configured)
 */
export function wellKnownRoutes(options: { publicUrl?: string; authorizationCode?: boolean }): Router {
  const router = express.Router();
  const code = options.authorizationCode === true;
  const common = (base: string) => ({
    authorization_endpoint: code ? `${base}${AUTHORIZE_PATH}` : undefined,
    token_endpoint: `${base}${TOKEN_PATH}`,
    // Refresh tokens go only to apps acting for a clinician, so both come with the consent screen.
    grant_types_supported: GRANT_TYPES.filter((grant) => code || grant === 'client_credentials'),
    // `none`: a public client redeeming a PKCE-bound code.
    token_endpoint_auth_methods_supported: [...TOKEN_ENDPOINT_AUTH_METHODS, ...(code ? ['none'] : [])],
    token_endpoint_auth_signing_alg_values_supported: ASSERTION_ALGORITHMS,
    // user/ scopes: the same resources, granted through a clinician's consent.
    scopes_supported: [...supportedScopes(), ...(code ? supportedScopes().map((scope) => scope.replace(/^system\//, 'user/')) : [])],
    response_types_supported: code ? ['code'] : [],
    code_challenge_methods_supported: code ? [...CODE_CHALLENGE_METHODS] : undefined,
    jwks_uri: `${base}${JWKS_PATH}`,
  });
  router.get('/.well-known/oauth-authorization-server', (req, res) => {
    const base = baseUrlOf(req, options.publicUrl);
    res.set('Cache-Control', 'public, max-age=300').json({ issuer: base, ...common(base), service_documentation: `${base}/graphql` });
  });
  router.get('/.well-known/smart-configuration', (req, res) => {
    const base = baseUrlOf(req, options.publicUrl);
    res.set('Cache-Control', 'public, max-age=300').json({
      issuer: base,
      ...common(base),
      // SMART Backend Services (confidential clients, v2 scopes) and, with a consent screen, the
      // standalone launch of apps a clinician signs in to (public or symmetric clients).
      capabilities: [
        'client-confidential-symmetric',
        'client-confidential-asymmetric',
        'permission-v2',
        ...(code ? ['launch-standalone', 'client-public', 'context-standalone-user', 'permission-user', 'permission-offline'] : []),
      ],
    });
  });
  return router;
}
