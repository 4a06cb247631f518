/**
 * Which requests come from the explorer page: a browser request whose Origin is the router's own
 * origin. The router serves no other page, and the web app reaches the router through the web
 * server (its Origin is the web app's, and the web server sends its own Host), so a script in the
 * web app can never send a request that passes this test. Non-browser clients could forge both
 * headers, but they send free-form operations anyway (the safelist binds browsers).
 */
import type { Caller } from '@hospital/service-kit';

/**
 * Whether an Origin names the router itself: `ROUTER_PUBLIC_URL`'s origin when set, else the
 * origin whose host is the request's Host.
 * @param origin - the Origin header
 * @param host - the Host header
 * @param publicUrl - ROUTER_PUBLIC_URL, when set
 */
export function isRouterOrigin(origin: string | undefined, host: string | undefined, publicUrl?: string): boolean {
  if (!origin || origin === 'null') return false;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (publicUrl) return parsed.origin === new URL(publicUrl).origin;
  return host !== undefined && parsed.host === host.toLowerCase();
}

/**
 * Who may send free-form operations from the explorer where the safelist binds browsers
 * (production): anyone signed out (only public operations, i.e. signing in, are open to them)
 * and admins. Apps send free-form operations from any origin already; every other role uses the
 * web app.
 * @param caller - the request's caller
 */
export function mayExploreFreely(caller: Caller): boolean {
  return caller.kind === 'anonymous' || (caller.kind === 'user' && caller.role === 'admin' && caller.app === undefined);
}
