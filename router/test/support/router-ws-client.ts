/** The graphql-ws client the router's tests subscribe with: one place for its connection options. */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * The `ws` WebSocket class sending these headers on the handshake (a browser's Origin, a proxy's
 * X-Forwarded-For …), for graphql-ws's `webSocketImpl`.
 * @param headers - the handshake's extra headers
 */
export function webSocketWithHeaders(headers: Record<string, string>): new (address: string, protocols?: string | string[]) => WebSocket {
  return class extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };
}

/**
 * An eager client to the router's WebSocket (connects at once, never retries, so a refusal shows
 * as it is), as the bearer of `token`, or anonymous without one.
 * @param routerUrl - the router's http(s) URL
 * @param token - the access token sent in connection_init
 * @param headers - extra handshake headers (none by default)
 */
export function routerWsClient(routerUrl: string, token?: string, headers?: Record<string, string>): Client {
  return createClient({
    url: routerUrl.replace(/^http/, 'ws'),
    webSocketImpl: headers ? webSocketWithHeaders(headers) : WebSocket,
    lazy: false,
    retryAttempts: 0,
    onNonLazyError: () => {},
    connectionParams: token === undefined ? undefined : { authorization: `Bearer ${token}` },
  });
}
