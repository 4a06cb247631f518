/**
 * The configuration a test's (or benchmark's) own router needs to front a running test system,
 * for the tests that start a second router with settings of their own (limits, load shedding,
 * revocation, production formatting) over the same departments.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_SUPERGRAPH_PATH, type RouterConfig } from '@hospital/router';
import type { TestSystem } from './system.ts';

/** The part of a router's configuration that comes from the system it fronts. */
export type SystemRouterConfig = Pick<RouterConfig, 'port' | 'host' | 'supergraphSdl' | 'subgraphUrls' | 'internalSecret' | 'jwt'>;

/**
 * Port 0 on `host`, the composed supergraph, and the system's subgraph URLs, internal secret and
 * token verification key; the caller spreads its own settings over it.
 * @param system - the running test system
 * @param host - the address to listen on
 */
export function routerConfigFor(system: Pick<TestSystem, 'subgraphUrls' | 'internalSecret' | 'jwt'>, host = '127.0.0.1'): SystemRouterConfig {
  const { jwt } = system;
  return {
    port: 0,
    host,
    supergraphSdl: readFileSync(DEFAULT_SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: system.subgraphUrls,
    internalSecret: system.internalSecret,
    jwt: { keys: [{ keyId: jwt.keyId, publicKeyPem: jwt.publicKeyPem }], issuer: jwt.issuer, audience: jwt.audience },
  };
}
