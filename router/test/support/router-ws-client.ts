/** The graphql-ws client the router's tests subscribe with: one place for its connection options. */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * An eager client to the router's WebSocket (connects at once, never retries, so a refusal shows
 * as it is), as the bearer of `token`, or anonymous without one.
 * @param routerUrl - the router's http(s) URL
 * @param token - the access token sent in connection_init
 */
export function routerWsClient(routerUrl: string, token?: string): Client {
  return createClient({
    url: routerUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    connectionParams: token === undefined ? undefined : { authorization: `Bearer ${token}` },
  });
}
