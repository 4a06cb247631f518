/**
 * The urql client: queries and mutations over HTTP, subscriptions over graphql-ws on the same
 * `/graphql` path, each sent as its safelist hash (see persisted-exchange.ts). The access token is read at each request (it is refreshed in memory), and an
 * UNAUTHENTICATED answer tells the session, which asks the user to sign in again.
 */
import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange } from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { isUnauthenticated } from './errors.ts';
import { persistedExchange } from './persisted-exchange.ts';

/** What the client needs from the session. */
export interface ApiClientOptions {
  httpUrl: string;
  wsUrl: string;
  /** The current access token, or undefined when signed out. */
  getAccessToken(): string | undefined;
  /** Called when the API refuses the token. */
  onUnauthenticated(): void;
}

/** A client and the WebSocket connection it owns. */
export interface ApiClient {
  client: Client;
  /** Closes the WebSocket (at sign-out). */
  dispose(): void;
}

/** Builds the client for one signed-in session. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const ws: WsClient = createWsClient({
    url: options.wsUrl,
    // Read at every (re)connect, so a refreshed token is used after a drop.
    connectionParams: () => {
      const token = options.getAccessToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    lazy: true,
    retryAttempts: Infinity,
    // Reconnect after drops and after the router closes an expired session (4401: the next
    // connect sends the refreshed token), but not when this origin is refused (4403).
    shouldRetry: (event) => !(typeof event === 'object' && event !== null && 'code' in event && event.code === 4403),
  });
  const client = new Client({
    url: options.httpUrl,
    exchanges: [
      cacheExchange,
      mapExchange({
        onError(error) {
          if (isUnauthenticated(error)) options.onUnauthenticated();
        },
      }),
      // Operations go by hash (the router's safelist), over HTTP and the WebSocket alike.
      persistedExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
    fetchOptions: () => {
      const token = options.getAccessToken();
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      return { headers };
    },
  });
  return { client, dispose: () => void ws.dispose() };
}
