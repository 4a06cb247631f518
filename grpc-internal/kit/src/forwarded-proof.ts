/**
 * How a reverse proxy proves to the router that it wrote a request's X-Forwarded-For: an HMAC of
 * the header's exact value under a secret the two share (ROUTER_PROXY_SECRET / WEB_PROXY_SECRET).
 * Trusting by address instead would let any process on the proxy's host name any client address,
 * in rate limits and the audit trail alike. The router and the web server both import this one rule.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying the proof, beside X-Forwarded-For. */
export const FORWARDED_PROOF_HEADER = 'x-forwarded-for-proof';

/**
 * The proof for one X-Forwarded-For value.
 * @param secret - the shared proxy secret
 * @param forwardedFor - the header value exactly as sent
 */
export function signForwardedFor(secret: string, forwardedFor: string): string {
  return createHmac('sha256', secret).update(forwardedFor).digest('base64url');
}

/**
 * Whether `proof` was made with `secret` for exactly this X-Forwarded-For value (constant time).
 * @param secret - the shared proxy secret
 * @param forwardedFor - the header value as received
 * @param proof - the proof header as received
 */
export function verifyForwardedFor(secret: string, forwardedFor: string, proof: string): boolean {
  const expected = Buffer.from(signForwardedFor(secret, forwardedFor));
  const given = Buffer.from(proof);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
