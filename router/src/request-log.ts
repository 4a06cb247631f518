/**
 * The request scope and the access log: one line per request with the request id, operation
 * name, caller id, status and duration. Tokens, headers and variables are never logged.
 */
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { currentTraceId, REQUEST_ID_HEADER, requestContextStore, type Logger } from '@hospital/service-kit';
import { CLIENT_REQUEST_ID_HEADER, clientRequestIdOf, mintRequestId, type RequestScope } from './context.ts';

/** Probe paths log at debug, even when not ready, so probes do not drown the access log. */
const QUIET_PATHS = new Set(['/health', '/ready']);

/**
 * Opens the request scope (a router-minted request id, returned in `x-request-id` and bound in
 * AsyncLocalStorage) and logs the request when the response is finished, with the client's own sane
 * `x-request-id` as `clientRequestId` (echoed in `x-client-request-id`).
 * @param logger - the router's logger
 */
export function requestScope(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const scope: RequestScope = { requestId: mintRequestId() };
    const clientRequestId = clientRequestIdOf(req.headers[REQUEST_ID_HEADER]);
    res.locals['scope'] = scope;
    res.setHeader(REQUEST_ID_HEADER, scope.requestId);
    if (clientRequestId) res.setHeader(CLIENT_REQUEST_ID_HEADER, clientRequestId);
    const started = process.hrtime.bigint();
    // The access line is written after the span's context is gone: take the trace id now.
    const traceId = currentTraceId();
    // Captured now: mounted routers rewrite req.url while the request is handled.
    const path = req.path;
    res.on('finish', () => {
      const line = {
        requestId: scope.requestId,
        traceId,
        clientRequestId,
        method: req.method,
        path,
        operationName: scope.operationName ?? clientOperationName(req),
        status: res.statusCode,
        durationMs: Number((process.hrtime.bigint() - started) / 1000n) / 1000,
        userId: scope.userId,
      };
      if (QUIET_PATHS.has(path)) logger.debug(line, 'request');
      else if (res.statusCode >= 500) logger.error(line, 'request failed');
      else logger.info(line, 'request');
    });
    requestContextStore.run(scope, next);
  };
}

/** The scope opened by {@link requestScope}. */
export function scopeOf(locals: Record<string, unknown>): RequestScope {
  const scope = locals['scope'] as RequestScope | undefined;
  if (!scope) throw new Error('requestScope middleware is not installed');
  return scope;
}

/** The operation name the client sent, for requests refused before Apollo resolves one. */
function clientOperationName(req: Request): string | undefined {
  const body: unknown = req.body;
  const name = body && typeof body === 'object' ? (body as Record<string, unknown>)['operationName'] : undefined;
  return typeof name === 'string' && /^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(name) ? name : undefined;
}

/**
 * Turns body-parser and other middleware failures into a GraphQL-shaped JSON error, so clients
 * never see Express's HTML error page (which shows stack traces outside production).
 * @param logger - where unexpected failures are logged
 */
export function jsonErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const status = httpStatusOf(error);
    const scope = res.locals['scope'] as RequestScope | undefined;
    if (status >= 500) logger.error({ err: error }, 'unhandled router error');
    const message = status === 413 ? 'Request body too large.' : status < 500 ? 'Malformed request.' : 'Internal server error';
    const code = status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    res.status(status).json({ errors: [{ message, extensions: { code, requestId: scope?.requestId } }] });
  };
}

function httpStatusOf(error: unknown): number {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}
