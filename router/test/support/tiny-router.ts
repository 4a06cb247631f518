/** The router over tiny test subgraphs (support/tiny-subgraph.ts), as the router's own tests start it. */
import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { composeSupergraph } from '../../src/compose.ts';
import type { RouterConfig } from '../../src/index.ts';
import type { TinySubgraph } from './tiny-subgraph.ts';

/**
 * The part of a router's config every such test shares: the subgraphs composed (composition must
 * succeed), port 0 on 127.0.0.1, the subgraphs at the URLs the supergraph names, a fresh internal secret.
 * @param subgraphs - the running test subgraphs
 * @param jwt - the keys, issuer and audience the router verifies tokens with (testJwt's routerJwt)
 */
export function tinyRouterConfig(subgraphs: readonly TinySubgraph[], jwt: RouterConfig['jwt']) {
  const composed = composeSupergraph(subgraphs.map(({ name, url, sdl }) => ({ name, url, sdl })));
  expect(composed.errors).toEqual([]);
  return { port: 0, host: '127.0.0.1', supergraphSdl: composed.supergraphSdl!, subgraphUrls: {}, internalSecret: randomBytes(32).toString('base64url'), jwt };
}
