/**
 * IssueClientToken: the identity side of the router's `POST /oauth/token`, for client_credentials
 * (an app as itself), authorization_code (an app for the clinician who approved it) and
 * refresh_token (the same, later, with a rotating refresh token).
 */
import type { IssueClientTokenRequest__Output, IssueClientTokenResponse } from '@hospital/grpc-contracts';
import { grantScopes } from '@hospital/grpc-contracts/access';
import { type CallScope } from '@hospital/service-kit/grpc';
import type { AccessTokenSettings } from '../domain/tokens.ts';
import type { UserRepository } from '../repositories/user-repository.ts';
import type { ClientAppCredentials, ClientAppRepository } from './client-app-repository.ts';
import { authenticateClient } from './authenticate-client.ts';
import { redeemAuthorizationCode } from './authorization-code-grant.ts';
import { redeemRefreshToken } from './refresh-token-grant.ts';
import { signClientToken } from './client-credentials.ts';

/** What the handler needs. */
export interface IssueClientTokenDeps {
  clientApps: ClientAppRepository;
  users: Pick<UserRepository, 'findByIds'>;
  accessTokens: AccessTokenSettings;
}

/**
 * Redeems a grant an app holds for a user (an authorization code, a refresh token).
 * @param request - what the token endpoint received
 * @param app - the authenticated app
 * @param deps - app storage, users and the signing key
 * @param scope - the logger
 * @param readAt - when the app was read to authenticate the request (before any rotation it missed)
 */
export type RedeemUserGrant = (
  request: IssueClientTokenRequest__Output,
  app: ClientAppCredentials,
  deps: IssueClientTokenDeps,
  scope: CallScope,
  readAt?: Date,
) => Promise<IssueClientTokenResponse>;

/**
 * An RFC 6749 §5.2 error answer.
 * @param error - the error code
 * @param description - error_description
 */
export function refuse(error: string, description: string): IssueClientTokenResponse {
  return { accessToken: '', expiresIn: 0, scope: '', error, errorDescription: description };
}

/**
 * Authenticates the app, then serves its grant: client credentials grants the requested scopes
 * within those registered; an authorization code is redeemed for the user who approved it.
 * @param request - what the token endpoint received
 * @param deps - app storage, users and the signing key
 * @param scope - the logger
 */
export async function issueClientTokenHandler(request: IssueClientTokenRequest__Output, deps: IssueClientTokenDeps, scope: CallScope): Promise<IssueClientTokenResponse> {
  const grantType = request.grantType || 'client_credentials';
  if (grantType !== 'client_credentials' && grantType !== 'authorization_code' && grantType !== 'refresh_token')
    return refuse('unsupported_grant_type', 'Only client_credentials, authorization_code and refresh_token are supported.');
  // Before the read: a token of a secret rotated away meanwhile is dated before the rotation's cutoff.
  const readAt = new Date();
  const app = await authenticateClient(request, deps.clientApps, scope);
  if ('error' in app) return refuse(app.error, app.description);
  if (grantType === 'authorization_code') return redeemAuthorizationCode(request, app, deps, scope, readAt);
  if (grantType === 'refresh_token') return redeemRefreshToken(request, app, deps, scope, readAt);
  // A public client cannot keep a secret, so it never acts as itself.
  if (app.publicClient) return refuse('unauthorized_client', 'A public client may only use the authorization code grant.');

  const requested = request.scope.split(' ').filter((s) => s !== '');
  // Client credentials carry no user: only system/ scopes (an app's user/ scopes need a user's consent).
  const systemScopes = app.allowedScopes.filter((s) => s.startsWith('system/'));
  const granted = grantScopes(requested, systemScopes);
  if (!granted || granted.length === 0) return refuse('invalid_scope', 'The requested scope is malformed or exceeds what the app was registered for.');
  const { token, expiresIn } = signClientToken(app, granted, deps.accessTokens, readAt);
  scope.logger.info({ clientId: app.id, scopes: granted }, 'client token issued');
  return { accessToken: token, expiresIn, scope: granted.join(' '), error: '', errorDescription: '' };
}
