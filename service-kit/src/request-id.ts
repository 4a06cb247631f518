/**
 * Request ids as they travel: the router's minted id (x-request-id, router → subgraph → service)
 * and a client's own id it echoes. They are written into logs and headers, so every hop keeps one
 * only when it is short and plain, by this one rule.
 */

/** Letters, digits and `._:-`, 1 to 64 characters (a UUID is 36). */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * The request id when it is safe to log and echo; otherwise undefined (the caller mints one or drops it).
 * @param value - a header or metadata value, as received
 */
export function safeRequestId(value: unknown): string | undefined {
  return typeof value === 'string' && SAFE_REQUEST_ID.test(value) ? value : undefined;
}
