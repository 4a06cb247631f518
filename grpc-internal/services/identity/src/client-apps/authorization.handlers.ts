/**
 * The identity side of the authorization code flow (RFC 6749 §4.1, PKCE S256 per RFC 7636, SMART
 * App Launch standalone): CheckAuthorization vets a request for the router's /oauth/authorize and
 * the consent screen; CreateAuthorizationCode mints the one-time code once the signed-in clinician
 * approves. What the code is bound to (client, redirect URI, user, scopes, challenge) is stored here.
 */
import { createHash } from 'node:crypto';
import type { AuthorizationCheck, AuthorizationCode, CheckAuthorizationRequest__Output, CreateAuthorizationCodeRequest__Output } from '@hospital/grpc-contracts';
import { AUTHORIZATION_CODE_TTL_SECONDS, grantScopes } from '@hospital/grpc-contracts/access';
import { forbidden, isUuid } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { hashRefreshToken, newRefreshToken } from '../domain/tokens.ts';
import type { ClientAppRecord, ClientAppRepository } from './client-app-repository.ts';

/** What these handlers need. */
export interface AuthorizationDeps {
  clientApps: ClientAppRepository;
}

/** A PKCE S256 challenge: base64url (no padding) of a 32-byte SHA-256 digest. */
const CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/**
 * The S256 transform (RFC 7636 §4.2) of a code_verifier.
 * @param verifier - the client's code_verifier
 */
export function s256(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

type Vetted = { app: ClientAppRecord; scopes: string[] } | { redirectUriOk: boolean; error: string; description: string };

/**
 * Vets client, redirect URI and scope: the client must be live and have registered exactly this
 * redirect URI (else errors may not be sent there); the scopes must be user/ scopes its
 * registration allows (no escalation by asking; no system/ scope through a user's consent).
 */
async function vet(request: { clientId: string; redirectUri: string; scope: string }, deps: AuthorizationDeps): Promise<Vetted> {
  const app = isUuid(request.clientId) ? await deps.clientApps.findCredentials(request.clientId) : undefined;
  if (!app || app.revokedAt) return { redirectUriOk: false, error: 'invalid_request', description: 'Unknown or revoked client_id.' };
  if (!app.redirectUris.includes(request.redirectUri)) return { redirectUriOk: false, error: 'invalid_request', description: 'redirect_uri is not one this app registered.' };
  const requested = request.scope.split(' ').filter((s) => s !== '');
  if (requested.length === 0) return { redirectUriOk: true, error: 'invalid_scope', description: 'Ask for at least one user/ scope.' };
  if (requested.some((s) => !s.startsWith('user/')))
    return { redirectUriOk: true, error: 'invalid_scope', description: 'Only user/ scopes can be granted by a user (openid, fhirUser, offline_access are not offered).' };
  const granted = grantScopes(requested, app.allowedScopes);
  if (!granted) return { redirectUriOk: true, error: 'invalid_scope', description: 'The requested scope is malformed or exceeds what the app was registered for.' };
  return { app, scopes: granted };
}

/**
 * CheckAuthorization: whether an authorization request may go on to the consent screen.
 * @param request - client_id, redirect_uri, scope
 * @param deps - app storage
 */
export async function checkAuthorizationHandler(request: CheckAuthorizationRequest__Output, deps: AuthorizationDeps): Promise<AuthorizationCheck> {
  const vetted = await vet(request, deps);
  if (!('app' in vetted)) return { redirectUriOk: vetted.redirectUriOk, error: vetted.error, errorDescription: vetted.description, appName: '', appContact: '', scopes: [] };
  return { redirectUriOk: true, error: '', errorDescription: '', appName: vetted.app.name, appContact: vetted.app.contact, scopes: vetted.scopes };
}

/**
 * CreateAuthorizationCode: the calling clinician approved; mints a code (256 bits, only its digest
 * stored) bound to client, redirect URI, user, scopes and challenge, valid 60 seconds.
 * @param request - the approved request and its code_challenge
 * @param deps - app storage
 * @param scope - the caller (a signed-in user, not acting through an app) and the logger
 */
export async function createAuthorizationCodeHandler(request: CreateAuthorizationCodeRequest__Output, deps: AuthorizationDeps, scope: CallScope): Promise<AuthorizationCode> {
  const caller = scope.caller;
  // Consent is the user's own act: an app (even one acting for this user) may not approve for them.
  if (caller.kind !== 'user' || caller.app) throw forbidden('Only a signed-in user may approve an app.');
  const refuse = (error: string, description: string): AuthorizationCode => ({ code: '', expiresIn: 0, error, errorDescription: description });
  if (!CHALLENGE.test(request.codeChallenge)) return refuse('invalid_request', 'code_challenge must be the S256 challenge (43 base64url characters).');
  const vetted = await vet(request, deps);
  if (!('app' in vetted)) return refuse(vetted.error, vetted.description);
  const code = newRefreshToken();
  await deps.clientApps.saveAuthorizationCode({
    codeHash: hashRefreshToken(code),
    clientId: vetted.app.id,
    userId: caller.userId,
    redirectUri: request.redirectUri,
    scopes: vetted.scopes,
    codeChallenge: request.codeChallenge,
    expiresAt: new Date(Date.now() + AUTHORIZATION_CODE_TTL_SECONDS * 1000),
  });
  scope.logger.info({ clientId: vetted.app.id, userId: caller.userId, scopes: vetted.scopes }, 'authorization code issued');
  return { code, expiresIn: AUTHORIZATION_CODE_TTL_SECONDS, error: '', errorDescription: '' };
}
