/**
 * The security headers of every answer the web server sends: its files, its own endpoints, its
 * errors and the router's answers it relays on `/graphql`. One set, one place.
 */
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';

/** A Host header worth echoing into the policy (name or address, optional port). */
const SAFE_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The app loads only its own scripts, styles and data: Vite emits no inline script or style, React's
 * style props go through the CSSOM (not blocked), and GraphQL is this origin's `/graphql`, over HTTP
 * and WebSocket (named explicitly: browsers before CSP 3 do not let 'self' cover ws: and wss:).
 * No framing, no plugins, no `<base>` rewrites, no form posts elsewhere.
 * @param host - the request's Host header
 */
export function contentSecurityPolicy(host: string | undefined): string {
  const sockets = host && SAFE_HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${sockets}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** The headers besides the CSP (which depends on the request's Host). */
const FIXED_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

const NAMES = new Set(['content-security-policy', ...Object.keys(FIXED_HEADERS)]);

/**
 * Puts the security headers on `res` before anything is written; a later `writeHead` keeps them.
 * @param req - the request (its Host names the app's WebSocket origin in the CSP)
 * @param res - its response
 */
export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
  res.setHeader('content-security-policy', contentSecurityPolicy(req.headers.host));
  for (const [name, value] of Object.entries(FIXED_HEADERS)) res.setHeader(name, value);
}

/**
 * An upstream answer's headers without any of the security headers, so the relayed answer carries
 * this server's set (applied with {@link applySecurityHeaders}) and not a second, different one.
 * @param headers - the upstream answer's headers
 */
export function withoutSecurityHeaders(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !NAMES.has(name.toLowerCase())));
}
