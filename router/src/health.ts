/**
 * Liveness and readiness. `/health` answers while the process is up; `/ready` only once the
 * gateway has loaded and every subgraph answers its own `/health`.
 */
import { Router } from 'express';

/** Per-subgraph probe timeout: readiness must answer quickly even when a subgraph hangs. */
const PROBE_TIMEOUT_MS = 1500;

/**
 * Probes one subgraph's `/health` (same origin as its GraphQL endpoint).
 * @param graphqlUrl - the subgraph URL in use
 */
export async function probeSubgraph(graphqlUrl: string): Promise<boolean> {
  try {
    const response = await fetch(new URL('/health', graphqlUrl), { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Express routes for `/health` and `/ready`.
 * @param options - whether the gateway is loaded, and the subgraph URLs it uses
 */
export function healthRoutes(options: { isLoaded: () => boolean; subgraphs: ReadonlyMap<string, string> }): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    if (!options.isLoaded()) {
      res.status(503).json({ status: 'starting' });
      return;
    }
    const entries = [...options.subgraphs.entries()];
    const results = await Promise.all(entries.map(async ([name, url]) => [name, await probeSubgraph(url)] as const));
    const down = results.filter(([, up]) => !up).map(([name]) => name);
    if (down.length > 0) res.status(503).json({ status: 'unavailable', down });
    else res.json({ status: 'ready' });
  });
  return router;
}
