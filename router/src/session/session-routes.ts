/**
 * Staff sessions for the web app (issue 14): `POST /session/login`, `/session/refresh` and
 * `/session/logout`. The refresh token never reaches page scripts: the identity service's answer is
 * split here into the access token (JSON, kept in memory by the app) and the refresh token (an
 * HttpOnly cookie, session-cookie.ts). A reload or a new tab calls `/session/refresh` and is signed
 * in again. Each refresh rotates the token; replaying a spent one revokes the whole session (the
 * identity service's reuse detection).
 *
 * CSRF: every call must carry an Origin the router admits (the one origin rule, ClientOrigins) and a
 * JSON body (no HTML form can send one without a CORS preflight, which these paths never grant);
 * the cookie is SameSite=Strict as well.
 */
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import { status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import { createIdentityClient, type AuthPayload__Output } from '@hospital/grpc-contracts';
import { DEFAULT_RETRY_AFTER_SECONDS, ERROR_REGISTRY, type ErrorCode } from '@hospital/grpc-contracts/errors';
import { FIELD_METADATA_KEY, RETRY_AFTER_METADATA_KEY, signIdentity, type Logger } from '@hospital/service-kit';
import { callMetadata, graphqlCodeFromGrpc } from '@hospital/service-kit/grpc';
import type { ClientOrigins } from '../oauth/cors.ts';
import { clearedRefreshCookie, isLoopbackOrigin, readRefreshCookie, refreshCookie, SESSION_PATH } from './session-cookie.ts';

/** What the routes need. */
export interface SessionRoutesOptions {
  /** The identity service's gRPC address. */
  identityTarget: string;
  /** INTERNAL_SECRET, to sign the (anonymous) caller and its address for the identity service. */
  internalSecret: string;
  /** The admitted browser origins. */
  origins: Pick<ClientOrigins, 'has'>;
  /** The client address of a request (the one rule, behind a trusted proxy the forwarded one). */
  clientAddress: (req: Request) => string;
  /** Spends the client address's budget. */
  admit: (req: Request) => Promise<{ allowed: boolean; retryAfterSeconds?: number }>;
  logger: Logger;
}

/**
 * The HTTP status of the codes the registry leaves without one (in GraphQL they answer 200 next
 * to the data); any other such code (CONFLICT, PASSWORD_CHANGE_REQUIRED) answers 403 here.
 */
const SESSION_STATUS_OF: Readonly<Partial<Record<ErrorCode, number>>> = { NOT_FOUND: 404, INTERNAL_SERVER_ERROR: 500 };

/**
 * The HTTP status a session refusal answers with: the one error registry's, else {@link SESSION_STATUS_OF}.
 * @param code - the refusal's code
 */
function sessionStatusOf(code: ErrorCode): number {
  return ERROR_REGISTRY[code].http ?? SESSION_STATUS_OF[code] ?? 403;
}

/**
 * A refusal in the GraphQL error shape the web app already reads (`extensions.code`); its status
 * comes from the code ({@link sessionStatusOf}).
 */
class SessionError extends Error {
  readonly status: number;

  /**
   * @param code - the registry code
   * @param message - safe to show
   * @param extensions - more of `extensions` (field, retryAfterSeconds)
   * @param transportStatus - HTTP's own, finer status of a transport refusal (415, 413) instead of the code's
   */
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
    transportStatus?: number,
  ) {
    super(message);
    this.status = transportStatus ?? sessionStatusOf(code);
  }
}

/**
 * Answers a refusal: its status, `Retry-After` when it says when, and the GraphQL error shape.
 * @param res - the response
 * @param refusal - the refusal
 */
function answerRefusal(res: Response, refusal: SessionError): void {
  if (typeof refusal.extensions['retryAfterSeconds'] === 'number') res.set('Retry-After', String(refusal.extensions['retryAfterSeconds']));
  res.status(refusal.status).json({ errors: [{ message: refusal.message, extensions: { code: refusal.code, ...refusal.extensions } }] });
}

/** The longest body accepted: an email and two passwords of at most 1024 characters. */
const BODY_LIMIT = '8kb';

/**
 * Mounts the session endpoints; returns them and their close (the gRPC client).
 * @param options - identity address, secret, origin rule, address budget, logger
 */
export function sessionRoutes(options: SessionRoutesOptions): { router: Router; close(): void } {
  const client = createIdentityClient({ target: options.identityTarget, deadlineMs: 10_000 });
  const router = express.Router();
  const json = express.json({ limit: BODY_LIMIT, strict: true, type: 'application/json' });

  const handle = (work: (req: Request, res: Response, secure: boolean) => Promise<void>) => async (req: Request, res: Response) => {
    res.set('Cache-Control', 'no-store');
    try {
      const origin = req.get('origin');
      if (!origin || !options.origins.has(origin)) throw new SessionError('FORBIDDEN', 'Sessions can only be opened from the hospital web app.');
      if (!req.is('application/json')) throw new SessionError('BAD_REQUEST', 'Send the request as application/json.', {}, 415);
      const budget = await options.admit(req);
      if (!budget.allowed)
        throw new SessionError('RATE_LIMITED', 'Too many requests; retry later.', { retryAfterSeconds: budget.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS });
      await work(req, res, !isLoopbackOrigin(origin));
    } catch (error) {
      answerRefusal(res, error instanceof SessionError ? error : fromGrpc(error, options.logger));
    }
  };

  const metadata = (req: Request, operation: string) =>
    callMetadata(
      signIdentity({ kind: 'anonymous' }, options.internalSecret, { ip: options.clientAddress(req), userAgent: req.get('user-agent') ?? '', operation }),
      req.get('x-request-id') ?? randomUUID(),
    );

  router.post(
    `${SESSION_PATH}/login`,
    json,
    handle(async (req, res, secure) => {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const email = text(body, 'email', true);
      const password = text(body, 'password', true);
      const newPassword = text(body, 'newPassword', false);
      const payload = await client.login({ email, password, newPassword }, { metadata: metadata(req, 'SessionLogin') });
      answer(res, payload, secure);
    }),
  );

  router.post(
    `${SESSION_PATH}/refresh`,
    json,
    handle(async (req, res, secure) => {
      const token = readRefreshCookie(req.get('cookie'));
      if (!token) throw new SessionError('UNAUTHENTICATED', 'No session; sign in.');
      try {
        answer(res, await client.refreshToken({ refreshToken: token }, { metadata: metadata(req, 'SessionRefresh') }), secure);
      } catch (error) {
        // A refused token is dead for good: drop it so the browser stops presenting it.
        if ((error as Partial<ServiceError>).code === GrpcStatus.UNAUTHENTICATED) res.append('Set-Cookie', clearedRefreshCookie(secure));
        throw error;
      }
    }),
  );

  router.post(
    `${SESSION_PATH}/logout`,
    json,
    handle(async (req, res, secure) => {
      const token = readRefreshCookie(req.get('cookie'));
      res.append('Set-Cookie', clearedRefreshCookie(secure));
      const revoked = token ? (await client.logout({ refreshToken: token }, { metadata: metadata(req, 'SessionLogout') })).revoked : false;
      res.json({ revoked });
    }),
  );

  // A body that is not JSON, or too long: typed, never Express's HTML error page.
  router.use(SESSION_PATH, (error: { status?: number }, _req: Request, res: Response, next: (error?: unknown) => void) => {
    if (res.headersSent) return next(error);
    const refusal = error.status === 413 ? new SessionError('BAD_REQUEST', 'The request is too large.', {}, 413) : new SessionError('BAD_REQUEST', 'The body is not valid JSON.');
    answerRefusal(res, refusal);
  });

  return { router, close: () => client.close() };
}

/**
 * A string field of the body; BAD_USER_INPUT when it is missing (if required) or not a string.
 * @param body - the parsed JSON
 * @param name - the field
 * @param required - whether it must be present
 */
function text(body: Record<string, unknown>, name: string, required: boolean): string {
  const value = body[name];
  if (value === undefined || value === null) {
    if (required) throw new SessionError('BAD_USER_INPUT', `${name} is required.`, { field: name });
    return '';
  }
  if (typeof value !== 'string') throw new SessionError('BAD_USER_INPUT', `${name} must be a string.`, { field: name });
  return value;
}

/**
 * Sends the access token and user; the refresh token goes into the cookie only.
 * @param res - the response
 * @param payload - the identity service's answer
 * @param secure - Secure cookie
 */
function answer(res: Response, payload: AuthPayload__Output, secure: boolean): void {
  res.append('Set-Cookie', refreshCookie(payload.refreshToken, secure));
  const user = payload.user;
  res.json({
    accessToken: payload.accessToken,
    expiresAt: payload.expiresAt,
    user: user ? { id: user.id, email: user.email, displayName: user.displayName, role: user.role.replace(/^ROLE_/, '') } : null,
  });
}

/**
 * The refusal a failed identity call becomes, by the one error registry; anything unexpected is
 * masked and logged.
 * @param error - what the call rejected with
 * @param logger - where unexpected failures go
 */
function fromGrpc(error: unknown, logger: Logger): SessionError {
  const failure = error as Partial<ServiceError>;
  if (typeof failure.code !== 'number') {
    logger.error({ err: error }, 'session endpoint failed');
    return new SessionError('INTERNAL_SERVER_ERROR', 'Internal error.');
  }
  const retryAfter = Number(failure.metadata?.get(RETRY_AFTER_METADATA_KEY)[0]);
  const retryAfterSeconds = Number.isInteger(retryAfter) && retryAfter > 0 ? retryAfter : undefined;
  const code = graphqlCodeFromGrpc(failure.code, retryAfterSeconds);
  if (code === 'INTERNAL_SERVER_ERROR') {
    logger.error({ err: error }, 'identity failed behind a session endpoint');
    return new SessionError(code, 'Internal error.');
  }
  if (code === 'SERVICE_UNAVAILABLE')
    return new SessionError(code, 'The hospital system is busy; try again shortly.', { retryAfterSeconds: retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS });
  const field = failure.metadata?.get(FIELD_METADATA_KEY)[0];
  // Undefined values leave the JSON answer, as absent ones would.
  const extensions = { field: typeof field === 'string' ? field : undefined, retryAfterSeconds };
  return new SessionError(code, failure.details ?? code, extensions);
}
