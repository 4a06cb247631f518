/**
 * How a reverse proxy proves to the router that it wrote a request's X-Forwarded-For: an HMAC, under
 * a secret the two share (ROUTER_PROXY_SECRET / WEB_PROXY_SECRET), of a timestamp, the method, the
 * path and the header's exact value. Trusting by address instead would let any process on the
 * proxy's host name any client address, in rate limits and the audit trail alike; binding the proof
 * to the request and refusing it after {@link FORWARDED_PROOF_MAX_AGE_MS} keeps a captured proof
 * from being replayed onto other requests for long. The router and the web server both import this one rule.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying the proof, beside X-Forwarded-For: `<unix ms>.<base64url HMAC-SHA256>`. */
export const FORWARDED_PROOF_HEADER = 'x-forwarded-for-proof';

/** How old (or how far ahead, for clock skew) a proof may be. */
export const FORWARDED_PROOF_MAX_AGE_MS = 30_000;

/** What a proof covers. */
export interface ForwardedRequest {
  /** The request method, e.g. `POST` (`GET` for a WebSocket upgrade). */
  method: string;
  /** The request target as sent on the request line, query included. */
  path: string;
  /** The X-Forwarded-For value exactly as sent. */
  forwardedFor: string;
}

function mac(secret: string, timestamp: string, request: ForwardedRequest): string {
  // Newlines cannot occur in any of the parts (HTTP forbids them), so the joined text is unambiguous.
  return createHmac('sha256', secret).update([timestamp, request.method.toUpperCase(), request.path, request.forwardedFor].join('\n')).digest('base64url');
}

/**
 * The proof for one forwarded request.
 * @param secret - the shared proxy secret
 * @param request - see {@link ForwardedRequest}
 * @param now - the current time in ms (a dependency so tests control the clock)
 */
export function signForwardedFor(secret: string, request: ForwardedRequest, now: number = Date.now()): string {
  const timestamp = String(Math.trunc(now));
  return `${timestamp}.${mac(secret, timestamp, request)}`;
}

/**
 * Whether `proof` was made with `secret` for exactly this request, no more than
 * {@link FORWARDED_PROOF_MAX_AGE_MS} from `now` (constant-time comparison).
 * @param secret - the shared proxy secret
 * @param request - the request as received
 * @param proof - the proof header as received
 * @param now - the current time in ms
 */
export function verifyForwardedFor(secret: string, request: ForwardedRequest, proof: string, now: number = Date.now()): boolean {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(proof);
  if (!match) return false;
  const [, timestamp, given] = match as unknown as [string, string, string];
  if (Math.abs(now - Number(timestamp)) > FORWARDED_PROOF_MAX_AGE_MS) return false;
  const expected = Buffer.from(mac(secret, timestamp, request));
  const received = Buffer.from(given);
  return received.length === expected.length && timingSafeEqual(received, expected);
}
