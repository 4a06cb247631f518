/**
 * What a WebSocket upgrade request's headers tell the admission pipeline, read the same way at the
 * handshake (ws-admission.ts) and at every subscribe (ws-subscribe.ts).
 */
import type { IncomingMessage } from 'node:http';
import type { RequestFacts } from '../admission/types.ts';

/**
 * The User-Agent and Origin of an upgrade request, an empty header read as none: a present
 * `origin` means "a browser page opened this socket" (checked against the admitted origins at
 * connection_init, and the safelist's browser rule), so an empty Origin must not count as one.
 * @param request - the upgrade request
 */
export function upgradeHeaderFacts(request: IncomingMessage): Pick<RequestFacts, 'userAgent' | 'origin'> {
  return { userAgent: request.headers['user-agent'] || undefined, origin: request.headers.origin || undefined };
}
