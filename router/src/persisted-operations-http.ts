/**
 * The safelist on HTTP: an Express step between the JSON body parser and Apollo Server. It swaps
 * a known hash for its document (POST body or GET parameters) and refuses what the mode forbids
 * before Apollo Server parses, validates or plans anything, so no subgraph is ever called.
 */
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '@hospital/service-kit';
import { resolvePersistedOperation, withResolvedQuery, type PersistedOperations, type PersistedResolution } from './persisted-operations.ts';
import { scopeOf } from './request-log.ts';

function refuse(res: Response, logger: Logger, refusal: Extract<PersistedResolution, { ok: false }>): void {
  logger.info({ requestId: scopeOf(res.locals).requestId, code: refusal.code }, 'operation refused by the persisted-operation safelist');
  res.status(400).json({ errors: [{ message: refusal.message, extensions: { code: refusal.code } }] });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Builds the step.
 * @param policy - mode and manifest
 * @param logger - records refusals (codes only, never documents)
 */
export function persistedOperationsHttp(policy: PersistedOperations, logger: Logger): RequestHandler {
  // Anything this step cannot read is left to Apollo Server, which refuses it, except from a
  // browser under enforcement, which is refused here (fail closed).
  const unreadable = (req: Request, res: Response, next: () => void) => {
    if (policy.mode === 'enforce-browser' && req.headers.origin !== undefined) {
      return refuse(res, logger, { ok: false, code: 'PERSISTED_OPERATION_REQUIRED', message: 'This client may only run safelisted operations.' });
    }
    next();
  };
  return (req, res, next) => {
    const fromBrowser = req.headers.origin !== undefined;
    if (req.method === 'POST') {
      const body: unknown = req.body;
      if (!isObject(body)) return unreadable(req, res, next);
      const resolution = resolvePersistedOperation(policy, body, fromBrowser);
      if (!resolution.ok) return refuse(res, logger, resolution);
      req.body = withResolvedQuery(body, resolution.persisted ? resolution.query : undefined);
      return next();
    }
    if (req.method === 'GET') {
      const url = new URL(req.url, 'http://router.invalid');
      const params = url.searchParams;
      const rawExtensions = params.get('extensions');
      let extensions: unknown;
      if (rawExtensions !== null) {
        try {
          extensions = JSON.parse(rawExtensions);
        } catch {
          return unreadable(req, res, next);
        }
      }
      // Browsers leave Origin off same-origin GETs, so a script in the page could pass for a server
      // there: under enforcement every GET must name a safelisted hash (integrators POST).
      const resolution = resolvePersistedOperation(policy, { query: params.get('query') ?? undefined, extensions }, fromBrowser || policy.mode === 'enforce-browser');
      if (!resolution.ok) return refuse(res, logger, resolution);
      if (resolution.query !== undefined) params.set('query', resolution.query);
      if (extensions !== undefined) params.set('extensions', JSON.stringify(withResolvedQuery({ extensions }, undefined).extensions));
      req.url = `${url.pathname}${url.search}`;
      return next();
    }
    return unreadable(req, res, next);
  };
}
