/**
 * A clinician launching the EHR app for herself (issue 16, SMART App Launch standalone): the
 * authorization code flow with PKCE as an integrator writes it, with nothing of this repository.
 * 1. `startLaunch` makes a verifier, its S256 challenge and a state, and the URL to send the
 *    browser to; keep verifier and state in the app's session.
 * 2. The browser comes back to the redirect URI with `code` and `state` (or `error`).
 * 3. `finishLaunch` checks the state and redeems the code within 60 seconds for a 5-minute token
 *    that may do what the clinician's role AND the granted user/ scopes allow, and a refresh token.
 * 4. `refreshLaunch` trades the refresh token for a new pair when the access token runs out.
 */
import { createHash, randomBytes } from 'node:crypto';

/** What the app registered and asks for. */
export interface LaunchOptions {
  /** The router's base URL, e.g. https://api.hospital.example */
  baseUrl: string;
  clientId: string;
  /** Exactly as registered. */
  redirectUri: string;
  /** user/ scopes, space-separated, e.g. `user/Patient.rs`. */
  scope: string;
  /** A confidential app's secret; leave out for a public client (PKCE alone). */
  clientSecret?: string;
}

/** The start of a launch: where to send the browser, and what to keep until it returns. */
export interface PendingLaunch {
  authorizeUrl: string;
  verifier: string;
  state: string;
}

/**
 * A fresh verifier (32 random bytes), its S256 challenge (RFC 7636 §4.2) and a state.
 * @param options - the app's registration and the scopes to ask for
 */
export function startLaunch(options: LaunchOptions): PendingLaunch {
  const verifier = randomBytes(32).toString('base64url');
  const state = randomBytes(16).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId,
    redirect_uri: options.redirectUri,
    scope: options.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  });
  return { authorizeUrl: `${options.baseUrl}/oauth/authorize?${query.toString()}`, verifier, state };
}

/** A token answer as the app keeps it. */
export interface LaunchTokens {
  accessToken: string;
  scope: string;
  expiresIn: number;
  /** Single use: each refresh answers a new one, and a second use of a spent one ends them all. */
  refreshToken: string;
}

/**
 * Reads the redirect back and redeems the code.
 * @param options - the app's registration
 * @param pending - what `startLaunch` returned
 * @param returnedUrl - the URL the browser came back to
 * @returns the access token, the scopes granted and the refresh token
 */
export async function finishLaunch(options: LaunchOptions, pending: PendingLaunch, returnedUrl: string): Promise<LaunchTokens> {
  const params = new URL(returnedUrl).searchParams;
  // A state that is not ours: someone else's code pushed into this session (CSRF); never redeem it.
  if (params.get('state') !== pending.state) throw new Error('The state does not match this launch.');
  const error = params.get('error');
  if (error) throw new Error(`The launch ended: ${error} (${params.get('error_description') ?? ''})`);
  return tokenRequest(options, { grant_type: 'authorization_code', code: params.get('code') ?? '', redirect_uri: options.redirectUri, code_verifier: pending.verifier });
}

/**
 * A new access token without the clinician (RFC 6749 §6): keep the refresh token it returns and
 * drop the one used, which never works again.
 * @param options - the app's registration
 * @param refreshToken - the refresh token of the last answer
 */
export function refreshLaunch(options: LaunchOptions, refreshToken: string): Promise<LaunchTokens> {
  return tokenRequest(options, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

/** One POST to the token endpoint, with the client's authentication (Basic, or client_id for a public client). */
async function tokenRequest(options: LaunchOptions, fields: Record<string, string>): Promise<LaunchTokens> {
  const body = new URLSearchParams(fields);
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  if (options.clientSecret)
    headers['authorization'] = `Basic ${Buffer.from(`${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`).toString('base64')}`;
  else body.set('client_id', options.clientId);
  const response = await fetch(`${options.baseUrl}/oauth/token`, { method: 'POST', headers, body: body.toString() });
  const answer = (await response.json()) as { access_token?: string; scope?: string; expires_in?: number; refresh_token?: string; error?: string; error_description?: string };
  if (!response.ok || !answer.access_token) throw new Error(`The token endpoint refused: ${answer.error ?? response.status} (${answer.error_description ?? ''})`);
  return { accessToken: answer.access_token, scope: answer.scope ?? '', expiresIn: answer.expires_in ?? 0, refreshToken: answer.refresh_token ?? '' };
}
