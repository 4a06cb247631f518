/**
 * The explorer's routes: `GET /explorer` (the page), `GET /explorer/assets/<file>` (the bundle:
 * script, style sheet, Monaco's workers, fonts), and a browser's `GET /graphql` (Accept:
 * text/html, no operation) sent on to the page. Mounted only where the explorer is enabled; the
 * operations it sends go to `/graphql` through the admission pipeline like any client's.
 */
import express, { type Response, type Router } from 'express';
import type { Logger } from '@hospital/service-kit';
import type { ExplorerAssets } from './assets.ts';
import { EXPLORER_PATH, explorerCsp, explorerPage, newNonce } from './page.ts';

/** Headers of every explorer response besides its CSP. */
function setCommonHeaders(res: Response, csp: string): void {
  res.set({
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
}

/**
 * @param options - the asset loader (bundles at first use in development) and a logger
 */
export function explorerRoutes(options: { assets: () => Promise<ExplorerAssets>; logger: Logger }): Router {
  const router = express.Router({ strict: true });
  router.get('/graphql', (req, res, next) => {
    // Only a browser opening the endpoint: operations over GET (query or extensions) go on.
    if (req.query['query'] !== undefined || req.query['extensions'] !== undefined || req.accepts(['application/json', 'text/html']) !== 'text/html') return next();
    res.redirect(302, EXPLORER_PATH);
  });
  router.get([EXPLORER_PATH, `${EXPLORER_PATH}/`], async (_req, res, next) => {
    try {
      // The bundle is ready before the page that loads it (the first request in development waits for it).
      await options.assets();
    } catch (error) {
      options.logger.error({ err: error }, 'the explorer bundle could not be built');
      return next(error);
    }
    const nonce = newNonce();
    setCommonHeaders(res, explorerCsp(nonce));
    res.set('Cache-Control', 'no-store').type('text/html; charset=utf-8').send(explorerPage(nonce));
  });
  router.get(`${EXPLORER_PATH}/assets/:name`, async (req, res, next) => {
    let asset;
    try {
      asset = (await options.assets()).get(req.params.name);
    } catch (error) {
      return next(error);
    }
    if (!asset) return next();
    setCommonHeaders(res, explorerCsp());
    // Names are stable across builds: revalidated by ETag (Express answers 304 itself).
    res.set('Cache-Control', 'no-cache').type(asset.contentType).send(asset.body);
  });
  return router;
}
