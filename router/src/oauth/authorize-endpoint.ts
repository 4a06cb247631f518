/**
 * The authorization code flow's front half (RFC 6749 §4.1, RFC 7636 S256, SMART App Launch
 * standalone launch): `GET /oauth/authorize` vets the request and sends the browser to the web
 * app's consent screen; the consent screen (as the signed-in clinician, bearer token via the web
 * server) reads what it must show from `GET /oauth/authorize/request` and posts the clinician's
 * answer to `POST /oauth/authorize/decision`, which answers with where to send the browser: the
 * app's redirect URI with `code` and `state`, or with `error=access_denied`.
 * Errors are redirected to the app only once the client and its exact redirect URI are verified
 * (RFC 6749 §4.1.2.1); before that the browser gets a plain 400 page, never a redirect.
 */
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { AuthorizationCheck__Output, AuthorizationCode__Output } from '@hospital/grpc-contracts';
import type { Caller, Logger } from '@hospital/service-kit';

/** The endpoints' paths. */
export const AUTHORIZE_PATH = '/oauth/authorize';
const REQUEST_PATH = `${AUTHORIZE_PATH}/request`;
const DECISION_PATH = `${AUTHORIZE_PATH}/decision`;

/** What an authorization request names. */
export interface AuthorizationParams {
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  codeChallenge: string;
}

/** The endpoints' dependencies. */
export interface AuthorizeEndpointOptions {
  /** CheckAuthorization on the identity service (as the router). */
  check: (params: Pick<AuthorizationParams, 'clientId' | 'redirectUri' | 'scope'>, requestId: string) => Promise<AuthorizationCheck__Output>;
  /** CreateAuthorizationCode on the identity service, as the approving user. */
  createCode: (params: Omit<AuthorizationParams, 'state'>, user: Caller, requestId: string) => Promise<AuthorizationCode__Output>;
  /** The Authorization header's verified caller (throws for a bad token). */
  verify: (authorization: string | undefined) => Caller;
  /** The web app's consent screen URL. */
  consentUrl: string;
  logger: Logger;
}

/** A refusal: where it may go (the app's redirect URI, verified) or a plain page. */
class AuthorizeError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly redirectable: boolean,
  ) {
    super(description);
  }
}

/** Reads one query or body parameter; a repeated one is an error (RFC 6749 §3.1). */
function single(source: Record<string, unknown>, name: string): string {
  const value = source[name];
  if (value === undefined) return '';
  if (typeof value !== 'string') throw new AuthorizeError('invalid_request', `${name} must be given once.`, false);
  return value;
}

/**
 * The query string's parameters, all of them, a repeated one as a list (which {@link single}
 * refuses). Not Express's `req.query`: its parser keeps the first 1000 parameters only, while the
 * consent screen reads the whole string (URLSearchParams) to post its answer, so a link could show
 * one app and approve another repeated after 1000 fillers.
 * @param req - a GET request of these endpoints
 */
function queryOf(req: Request): Record<string, unknown> {
  const params: Record<string, string | string[]> = Object.create(null) as Record<string, string | string[]>;
  for (const [name, value] of new URL(req.originalUrl, 'http://router.invalid').searchParams) {
    const known = params[name];
    params[name] = known === undefined ? value : [...(Array.isArray(known) ? known : [known]), value];
  }
  return params;
}

/**
 * Reads and vets an authorization request: client and redirect URI first (identity), then the
 * response type, PKCE (S256 only) and state, then the scopes.
 * @param source - query (authorize, request) or body (decision)
 * @param options - the identity check
 * @param requestId - for the logs
 */
async function vetRequest(
  source: Record<string, unknown>,
  options: AuthorizeEndpointOptions,
  requestId: string,
): Promise<{ params: AuthorizationParams; check: AuthorizationCheck__Output }> {
  const read = (name: string) => single(source, name);
  const params = { clientId: read('client_id'), redirectUri: read('redirect_uri'), scope: read('scope'), state: read('state'), codeChallenge: read('code_challenge') };
  const [responseType, method] = [read('response_type'), read('code_challenge_method')];
  if (params.clientId === '' || params.redirectUri === '') throw new AuthorizeError('invalid_request', 'client_id and redirect_uri are required.', false);
  const check = await options.check(params, requestId);
  if (!check.redirectUriOk) throw new AuthorizeError(check.error || 'invalid_request', check.errorDescription, false);
  if (responseType !== 'code') throw new AuthorizeError('unsupported_response_type', 'Only response_type=code is supported.', true);
  if (method !== 'S256') throw new AuthorizeError('invalid_request', 'PKCE is required with code_challenge_method=S256 (plain is refused).', true);
  if (!/^[A-Za-z0-9_-]{43}$/.test(params.codeChallenge)) throw new AuthorizeError('invalid_request', 'code_challenge must be the S256 challenge (43 base64url characters).', true);
  if (params.state === '' || params.state.length > 1024) throw new AuthorizeError('invalid_request', 'state is required (at most 1024 characters).', true);
  if (check.error !== '') throw new AuthorizeError(check.error, check.errorDescription, true);
  return { params, check };
}

/**
 * The app's redirect URI with the answer's parameters added (its own query kept, RFC 6749 §3.1.2).
 * @param redirectUri - the verified redirect URI
 * @param answer - code and state, or error, error_description and state
 */
export function redirectTo(redirectUri: string, answer: Record<string, string>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(answer)) if (value !== '') url.searchParams.set(name, value);
  return url.toString();
}

function errorRedirect(error: AuthorizeError, source: Record<string, unknown>): string {
  const state = typeof source['state'] === 'string' ? source['state'] : '';
  return redirectTo(source['redirect_uri'] as string, { error: error.error, error_description: error.description, state });
}

/** A plain page for errors that must not go to an unverified redirect URI (never echoes input). */
function errorPage(res: Response, error: AuthorizeError): void {
  res.status(400).type('text/plain; charset=utf-8').send(`This sign-in link is not valid: ${error.error}. ${error.description}\nContact the app's publisher.`);
}

/** The signed-in clinician behind the consent screen: a user's own session, never an app. */
function signedInUser(req: Request, options: AuthorizeEndpointOptions): Caller | undefined {
  try {
    const caller = options.verify(req.get('authorization'));
    return caller.kind === 'user' && !caller.app ? caller : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The authorize, consent-request and decision endpoints.
 * @param options - identity calls, token verification, consent screen URL
 */
export function authorizeEndpoint(options: AuthorizeEndpointOptions): Router {
  const router = express.Router();
  const noStore = (res: Response) => res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });

  router.get(AUTHORIZE_PATH, async (req, res) => {
    noStore(res);
    const query = queryOf(req);
    try {
      const { params } = await vetRequest(query, options, randomUUID());
      const consent = new URL(options.consentUrl);
      const forward = {
        client_id: params.clientId,
        redirect_uri: params.redirectUri,
        scope: params.scope,
        state: params.state,
        code_challenge: params.codeChallenge,
        code_challenge_method: 'S256',
        response_type: 'code',
      };
      for (const [name, value] of Object.entries(forward)) consent.searchParams.set(name, value);
      res.redirect(302, consent.toString());
    } catch (error) {
      if (!(error instanceof AuthorizeError)) return unavailable(res, error, options.logger);
      if (error.redirectable) return res.redirect(302, errorRedirect(error, query));
      errorPage(res, error);
    }
  });

  // What the consent screen shows: the app and the scopes consent would grant.
  router.get(REQUEST_PATH, async (req, res) => {
    noStore(res);
    if (!signedInUser(req, options)) return void res.status(401).json({ error: 'login_required', error_description: 'Sign in first.' });
    try {
      const { check } = await vetRequest(queryOf(req), options, randomUUID());
      res.json({ appName: check.appName, appContact: check.appContact, scopes: check.scopes });
    } catch (error) {
      if (!(error instanceof AuthorizeError)) return unavailable(res, error, options.logger);
      res.status(400).json({ error: error.error, error_description: error.description });
    }
  });

  // The clinician's answer. JSON with a bearer token: no cookie, so no cross-site request can forge it.
  router.post(DECISION_PATH, express.json({ limit: '8kb' }), async (req, res) => {
    noStore(res);
    const user = signedInUser(req, options);
    if (!user) return void res.status(401).json({ error: 'login_required', error_description: 'Sign in first.' });
    const body = (typeof req.body === 'object' && req.body !== null ? req.body : {}) as Record<string, unknown>;
    const requestId = randomUUID();
    try {
      const { params } = await vetRequest(body, options, requestId);
      if (body['approve'] !== true)
        return void res.json({ redirectTo: redirectTo(params.redirectUri, { error: 'access_denied', error_description: 'The user denied the request.', state: params.state }) });
      const issued = await options.createCode(params, user, requestId);
      if (issued.error !== '') throw new AuthorizeError(issued.error, issued.errorDescription, true);
      res.json({ redirectTo: redirectTo(params.redirectUri, { code: issued.code, state: params.state }) });
    } catch (error) {
      if (!(error instanceof AuthorizeError)) return unavailable(res, error, options.logger);
      if (error.redirectable) return void res.json({ redirectTo: errorRedirect(error, body) });
      res.status(400).json({ error: error.error, error_description: error.description });
    }
  });
  return router;
}

function unavailable(res: Response, error: unknown, logger: Logger): void {
  logger.warn({ err: error }, 'authorization request failed');
  res.status(503).set('Retry-After', '1').type('text/plain; charset=utf-8').send('The sign-in service is unavailable; retry shortly.');
}
