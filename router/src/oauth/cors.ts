/**
 * The one rule for browser origins: the first-party ones configured (ROUTER_ALLOWED_ORIGINS) and
 * those an admin registered for a live app (issue 16) may call `/graphql` and `/oauth/token` (CORS)
 * and open the subscriptions WebSocket; no other origin may. The origins of live apps are polled
 * from the identity service; a revoked app's origins drop out at the next poll.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { createIdentityClient } from '@hospital/grpc-contracts';
import { signIdentity, type Logger } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';

/** Headers a browser app may send: its token, the body's type, and a request id to correlate. */
const ALLOWED_HEADERS = 'authorization, content-type, x-request-id, apollo-require-preflight';

/** The admitted browser origins known now. */
export class ClientOrigins {
  private origins = new Set<string>();
  /** @param configured - first-party origins, always admitted (ROUTER_ALLOWED_ORIGINS) */
  constructor(private readonly configured: readonly string[] = []) {}
  /** @param origins - live apps' registered origins (replaces the old list whole) */
  replace(origins: readonly string[]): void {
    this.origins = new Set(origins);
  }
  /** @param origin - an Origin header value */
  has(origin: string): boolean {
    return this.configured.includes(origin) || this.origins.has(origin);
  }
}

/**
 * The CORS middleware: echoes an admitted Origin (never `*`, never credentials by cookie) and
 * answers its preflight; any other origin gets no CORS headers, so browsers keep the answer from it.
 * @param origins - the admitted origins
 */
export function corsForApps(origins: Pick<ClientOrigins, 'has'>): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    res.vary('Origin');
    if (origin === undefined || !origins.has(origin)) return next();
    res.set('Access-Control-Allow-Origin', origin);
    res.set('Access-Control-Expose-Headers', 'x-request-id, retry-after');
    if (req.method !== 'OPTIONS') return next();
    res.set({ 'Access-Control-Allow-Methods': 'GET, POST', 'Access-Control-Allow-Headers': ALLOWED_HEADERS, 'Access-Control-Max-Age': '600' });
    res.status(204).end();
  };
}

/**
 * Polls ListClientOrigins now and every `intervalMs`; a failed poll keeps the last list.
 * @param options - identity target, internal secret, interval, the list to feed, logger
 */
export function startOriginPoller(options: { identityTarget: string; internalSecret: string; intervalMs: number; origins: ClientOrigins; logger: Logger }): { close(): void } {
  const client = createIdentityClient({ target: options.identityTarget, deadlineMs: 5_000 });
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const poll = async () => {
    try {
      const metadata = callMetadata(signIdentity({ kind: 'service', service: 'router' }, options.internalSecret), randomUUID());
      options.origins.replace((await client.listClientOrigins({}, { metadata })).origins);
    } catch (error) {
      options.logger.warn({ err: error }, 'polling registered app origins failed; keeping the last list');
    }
    if (!closed) timer = setTimeout(() => void poll(), options.intervalMs).unref();
  };
  void poll();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      client.close();
    },
  };
}
