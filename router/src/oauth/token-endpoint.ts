/**
 * `POST /oauth/token`: the client credentials grant (RFC 6749 §4.4), the authorization code
 * grant (§4.1.3, PKCE per RFC 7636) and the refresh token grant (§6, rotating) for registered apps, with client_secret_basic,
 * client_secret_post or private_key_jwt (RFC 7523), or none for a public client (PKCE alone). The router only reads
 * the request and shapes the answer; the identity service authenticates the app and signs the
 * token (it holds the keys and the registrations). Errors follow RFC 6749 §5.2.
 */
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { IssueClientTokenResponse__Output } from '@hospital/grpc-contracts';
import { CLIENT_ASSERTION_TYPE } from '@hospital/grpc-contracts/access';
import type { Logger } from '@hospital/service-kit';

/** The token endpoint's path. */
export const TOKEN_PATH = '/oauth/token';

/** What the identity service is asked (IssueClientToken). */
export interface TokenRequest {
  clientId: string;
  clientSecret: string;
  clientAssertion: string;
  scope: string;
  tokenEndpoint: string;
  /** client_credentials, authorization_code or refresh_token. */
  grantType: string;
  /** authorization_code: the code, the redirect_uri it was issued for, the PKCE verifier. */
  code: string;
  redirectUri: string;
  codeVerifier: string;
  /** refresh_token: the refresh token (single use, rotated). */
  refreshToken: string;
}

/** The endpoint's dependencies. */
export interface TokenEndpointOptions {
  /** Calls the identity service's IssueClientToken. */
  issue: (request: TokenRequest, requestId: string) => Promise<IssueClientTokenResponse__Output>;
  /** The token endpoint's public URL (a client assertion's aud); from the request when unset. */
  publicUrl?: string;
  /** Spends the client address's budget; false when it is exhausted. */
  admit?: (req: Request) => Promise<{ allowed: boolean; retryAfterSeconds?: number }>;
  logger: Logger;
}

/** An RFC 6749 §5.2 error (400, or 401 for invalid_client). */
class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status = error === 'invalid_client' ? 401 : 400,
  ) {
    super(description);
  }
}

/**
 * The public base URL of the router: ROUTER_PUBLIC_URL, or else the address this socket was
 * accepted on. Never the Host header: a caller naming another server's host would get that
 * server's token endpoint accepted as an assertion's audience (an assertion signed for it replayed
 * here) and could poison cached discovery documents.
 */
export function baseUrlOf(req: Request, publicUrl: string | undefined): string {
  if (publicUrl) return publicUrl;
  const address = (req.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
  return `http://${address.includes(':') ? `[${address}]` : address}:${req.socket.localPort ?? 80}`;
}

/** Credentials from `Authorization: Basic` (RFC 6749 §2.3.1: form-urlencoded id and secret). */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  if (header === undefined) return undefined;
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header.trim());
  if (!match) throw new OAuthError('invalid_client', 'Authorization must be Basic with client id and secret.');
  const decoded = Buffer.from(match[1] as string, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new OAuthError('invalid_client', 'Authorization must be Basic with client id and secret.');
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')), secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')) };
  } catch {
    throw new OAuthError('invalid_client', 'Authorization must be Basic with client id and secret.');
  }
}

/** A form field read once: a repeated parameter is an error (RFC 6749 §3.2). */
function field(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (value === undefined) return '';
  if (typeof value !== 'string') throw new OAuthError('invalid_request', `${name} must be given once.`);
  return value;
}

/**
 * Reads a token request into what IssueClientToken takes; throws an OAuthError for anything the
 * identity service need not see.
 * @param req - the parsed form request
 * @param tokenEndpoint - the endpoint's URL
 */
export function readTokenRequest(req: Request, tokenEndpoint: string): TokenRequest {
  if (!req.is('application/x-www-form-urlencoded')) throw new OAuthError('invalid_request', 'Send the parameters as application/x-www-form-urlencoded.');
  const body = (req.body ?? {}) as Record<string, unknown>;
  const grantType = field(body, 'grant_type');
  if (grantType === '') throw new OAuthError('invalid_request', 'grant_type is required.');
  if (grantType !== 'client_credentials' && grantType !== 'authorization_code' && grantType !== 'refresh_token')
    throw new OAuthError('unsupported_grant_type', 'Only client_credentials, authorization_code and refresh_token are supported.');
  const basic = basicCredentials(req.get('authorization'));
  const bodyId = field(body, 'client_id');
  const bodySecret = field(body, 'client_secret');
  const assertion = field(body, 'client_assertion');
  const assertionType = field(body, 'client_assertion_type');
  const methods = [basic !== undefined, bodySecret !== '', assertion !== ''].filter(Boolean).length;
  if (methods > 1) throw new OAuthError('invalid_request', 'Use exactly one client authentication method.');
  // A public client authenticates by nothing but its client_id, and only to redeem a PKCE-bound
  // code or a rotating refresh token.
  if (methods === 0 && (grantType === 'client_credentials' || bodyId === '')) throw new OAuthError('invalid_client', 'Client authentication is required.');
  if (assertion !== '' && assertionType !== CLIENT_ASSERTION_TYPE) throw new OAuthError('invalid_request', `client_assertion_type must be ${CLIENT_ASSERTION_TYPE}.`);
  if (basic && bodyId !== '' && bodyId !== basic.id) throw new OAuthError('invalid_request', 'client_id differs from the one in Authorization.');
  return {
    clientId: basic?.id ?? bodyId,
    clientSecret: basic?.secret ?? bodySecret,
    clientAssertion: assertion,
    scope: grantType === 'authorization_code' ? '' : field(body, 'scope'),
    tokenEndpoint,
    grantType,
    code: field(body, 'code'),
    redirectUri: field(body, 'redirect_uri'),
    codeVerifier: field(body, 'code_verifier'),
    refreshToken: field(body, 'refresh_token'),
  };
}

function sendError(res: Response, error: OAuthError, basicUsed: boolean): void {
  // RFC 6749 §5.2: a 401 to a client that used Basic names the scheme it should retry with.
  if (error.status === 401 && basicUsed) res.set('WWW-Authenticate', 'Basic realm="oauth"');
  res.status(error.status).json({ error: error.error, error_description: error.description });
}

/**
 * The token endpoint router.
 * @param options - how tokens are issued, the public URL, the address budget
 */
export function tokenEndpoint(options: TokenEndpointOptions): Router {
  const router = express.Router();
  router.post(TOKEN_PATH, express.urlencoded({ extended: false, limit: '16kb', parameterLimit: 20 }), async (req, res) => {
    // Tokens and errors alike must not be cached (RFC 6749 §5.1).
    res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
    const basicUsed = req.get('authorization') !== undefined;
    try {
      const budget = await options.admit?.(req);
      if (budget && !budget.allowed) {
        res.set('Retry-After', String(budget.retryAfterSeconds ?? 1));
        res.status(429).json({ error: 'slow_down', error_description: 'Too many token requests; retry later.' });
        return;
      }
      const request = readTokenRequest(req, `${baseUrlOf(req, options.publicUrl)}${TOKEN_PATH}`);
      const answer = await options.issue(request, randomUUID());
      if (answer.error !== '') throw new OAuthError(answer.error, answer.errorDescription);
      res.json({
        access_token: answer.accessToken,
        token_type: 'Bearer',
        expires_in: answer.expiresIn,
        scope: answer.scope,
        ...(answer.refreshToken === '' ? {} : { refresh_token: answer.refreshToken }),
      });
    } catch (error) {
      if (error instanceof OAuthError) return sendError(res, error, basicUsed);
      options.logger.warn({ err: error }, 'token request failed');
      res.status(503).set('Retry-After', '1').json({ error: 'temporarily_unavailable', error_description: 'The token service is unavailable; retry shortly.' });
    }
  });
  // A body that is not a form (or too large): still an RFC 6749 answer, not the router's generic one.
  router.use(TOKEN_PATH, ((error, _req, res, _next) => {
    res.set({ 'Cache-Control': 'no-store', Pragma: 'no-cache' });
    res.status(error.status === 413 ? 413 : 400).json({ error: 'invalid_request', error_description: 'The request body could not be read as a form.' });
  }) as express.ErrorRequestHandler);
  return router;
}
