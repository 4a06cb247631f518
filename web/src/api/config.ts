/**
 * Where the router is: read from the web server's `/config.json` at start-up, so the router's
 * and the web app's ports can change without a rebuild.
 */

/** The runtime configuration the web server hands the app. */
export interface AppConfig {
  /** HTTP GraphQL endpoint, absolute or relative to the page. */
  graphqlUrl: string;
  /** Minutes without activity before a dashboard locks (WEB_IDLE_LOCK_MINUTES). */
  idleLockMinutes: number;
  /** The hospital's IANA time zone (HOSPITAL_TIME_ZONE); undefined from an older server (the browser's then). */
  timeZone: string | undefined;
}

/** The idle lock when the server names none (an older server). */
const DEFAULT_IDLE_LOCK_MINUTES = 15;

/** Fetches `/config.json`; throws with a readable message when the server does not answer. */
export async function loadAppConfig(fetchImpl: typeof fetch = fetch): Promise<AppConfig> {
  const response = await fetchImpl('/config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`The web server did not send its configuration (HTTP ${response.status}).`);
  const body = (await response.json()) as Partial<AppConfig>;
  if (typeof body.graphqlUrl !== 'string' || body.graphqlUrl === '') throw new Error('The web server configuration names no GraphQL address.');
  const idle = body.idleLockMinutes;
  return {
    graphqlUrl: body.graphqlUrl,
    idleLockMinutes: typeof idle === 'number' && idle > 0 ? idle : DEFAULT_IDLE_LOCK_MINUTES,
    timeZone: typeof body.timeZone === 'string' ? body.timeZone : undefined,
  };
}

/**
 * The absolute HTTP and WebSocket URLs of the GraphQL endpoint: the ws URL is the same path with
 * `ws:`/`wss:`, because the router serves subscriptions on its `/graphql` too.
 * @param graphqlUrl - from the configuration, possibly relative
 * @param base - the page's address
 */
export function endpointUrls(graphqlUrl: string, base: string): { httpUrl: string; wsUrl: string } {
  const http = new URL(graphqlUrl, base);
  const ws = new URL(http.href);
  ws.protocol = http.protocol === 'https:' ? 'wss:' : 'ws:';
  return { httpUrl: http.href, wsUrl: ws.href };
}
