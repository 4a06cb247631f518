/**
 * The staff session's refresh-token cookie (issue 14): HttpOnly (page scripts never see it, so an
 * injected script cannot carry it away), SameSite=Strict, scoped to the session endpoints' path (it
 * travels with nothing else, not even /graphql), and Secure except on a loopback origin, where
 * browsers accept it over plain http (development, tests).
 */

/** Where the session endpoints live, and the one path the cookie is sent to. */
export const SESSION_PATH = '/session';
/** The cookie's name. `__Host-` is not usable: it demands `Path=/`. */
export const REFRESH_COOKIE = 'hospital_refresh';

/** Host names of the machine itself (cookies over http are accepted there). */
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether the cookie may lack Secure: the page's origin is this machine.
 * @param origin - the request's Origin header (already admitted)
 */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    return LOOPBACK_HOSTS.has(new URL(origin).hostname);
  } catch {
    return false;
  }
}

/**
 * The Set-Cookie value carrying a refresh token. No Max-Age: the identity service decides when the
 * session ends (REFRESH_TOKEN_TTL), and a browser that closes forgets it.
 * @param token - the refresh token
 * @param secure - add Secure (every origin but a loopback one)
 */
export function refreshCookie(token: string, secure: boolean): string {
  return `${REFRESH_COOKIE}=${token}; Path=${SESSION_PATH}; HttpOnly; SameSite=Strict${secure ? '; Secure' : ''}`;
}

/**
 * The Set-Cookie value that removes the cookie (sign-out, a refused refresh).
 * @param secure - as when it was set
 */
export function clearedRefreshCookie(secure: boolean): string {
  return `${REFRESH_COOKIE}=; Path=${SESSION_PATH}; HttpOnly; SameSite=Strict; Max-Age=0${secure ? '; Secure' : ''}`;
}

/**
 * The refresh token of a Cookie header; '' when there is none.
 * @param header - the request's Cookie header
 */
export function readRefreshCookie(header: string | undefined): string {
  for (const part of (header ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === REFRESH_COOKIE) return value.join('=');
  }
  return '';
}
