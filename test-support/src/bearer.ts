/**
 * The Authorization header a test or benchmark sends for a bearer token, to spread into a headers
 * object: `{ authorization: 'Bearer <token>' }`, or no header at all without a token (an HTTP
 * header set to `undefined` is sent as the text "undefined" by fetch and refused by node:http).
 * @param token - the access token; undefined, null or '' for an anonymous request
 */
export function bearerHeader(token: string | null | undefined): { authorization?: string } {
  return token ? { authorization: `Bearer ${token}` } : {};
}
