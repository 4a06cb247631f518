/** The router paths the explorer talks to (same origin: the page is served by the router itself). */
export const GRAPHQL_PATH = '/graphql';
export const TOKEN_PATH = '/oauth/token';
export const SCHEMA_PATH = '/schema.graphql';
export const ASSETS_PATH = '/explorer/assets';

/** The WebSocket URL of the GraphQL endpoint on this page's origin. */
export function subscriptionUrl(location: Location): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${GRAPHQL_PATH}`;
}
