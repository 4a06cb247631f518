/**
 * Client authentication at the token endpoint (RFC 6749 §2.3, RFC 7523): a client secret, a
 * client assertion signed by a registered key (jti used once), or, for a public client, nothing
 * but its client_id (only the authorization code grant, where PKCE binds the code, and the refresh
 * token grant, where the token rotates and a replayed one revokes its family, accept that).
 */
import type { IssueClientTokenRequest__Output } from '@hospital/grpc-contracts';
import { isUuid } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import type { ClientAppCredentials, ClientAppRepository } from './client-app-repository.ts';
import { AssertionRefused, clientSecretMatches, verifyClientAssertion } from './client-credentials.ts';

/** The same words for an unknown, revoked or wrongly authenticated client: nothing to enumerate. */
export const CLIENT_FAILED = 'Client authentication failed.';

/** An RFC 6749 §5.2 refusal. */
export interface Refusal {
  error: string;
  description: string;
}

/** The unverified `iss` of an assertion (only to find the app whose keys then verify it). */
function assertionIssuer(assertion: string): string {
  try {
    const payload = JSON.parse(Buffer.from(assertion.split('.')[1] ?? '', 'base64url').toString('utf8')) as { iss?: unknown };
    return typeof payload.iss === 'string' ? payload.iss : '';
  } catch {
    return '';
  }
}

/**
 * Authenticates the app a token request names.
 * @param request - what the token endpoint received
 * @param clientApps - app storage (and used assertion ids)
 * @param scope - the logger
 * @returns the live app, or the refusal to answer with
 */
export async function authenticateClient(request: IssueClientTokenRequest__Output, clientApps: ClientAppRepository, scope: CallScope): Promise<ClientAppCredentials | Refusal> {
  if (request.clientSecret !== '' && request.clientAssertion !== '') return { error: 'invalid_request', description: 'Use one client authentication method, not two.' };
  const clientId = request.clientId || (request.clientAssertion ? assertionIssuer(request.clientAssertion) : '');
  if (!isUuid(clientId)) return { error: 'invalid_client', description: CLIENT_FAILED };
  const app = await clientApps.findCredentials(clientId);
  if (!app || app.revokedAt) return { error: 'invalid_client', description: CLIENT_FAILED };

  if (app.publicClient) {
    // A public client has nothing to prove; sending a secret or an assertion is a confused client.
    if (request.clientSecret !== '' || request.clientAssertion !== '') return { error: 'invalid_client', description: CLIENT_FAILED };
    return app;
  }
  if (request.clientAssertion !== '') {
    if (!app.jwks) return { error: 'invalid_client', description: CLIENT_FAILED };
    try {
      const { jti, expiresAt } = await verifyClientAssertion(request.clientAssertion, { id: app.id, jwks: app.jwks }, request.tokenEndpoint);
      if (!(await clientApps.useAssertion(app.id, jti, expiresAt))) return { error: 'invalid_client', description: 'This client assertion was already used (jti replay).' };
    } catch (error) {
      if (error instanceof AssertionRefused) return { error: 'invalid_client', description: error.message };
      throw error;
    }
    return app;
  }
  if (!clientSecretMatches(request.clientSecret, app.secretHash)) {
    scope.logger.info({ clientId }, 'client authentication failed');
    return { error: 'invalid_client', description: CLIENT_FAILED };
  }
  return app;
}
