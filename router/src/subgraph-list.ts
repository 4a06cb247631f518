/**
 * The department subgraphs the router knows, read from the department table
 * (`@hospital/grpc-contracts/departments`): their names (= folder names under `subgraphs/`, =
 * subgraph names in the supergraph) and default local ports. Composition writes these URLs into
 * the supergraph; the router can override each with SUBGRAPH_<NAME>_URL.
 */

import { DEPARTMENTS } from '@hospital/grpc-contracts/departments';

/** Department subgraphs and the port each listens on in local development (from the department table). */
export const SUBGRAPHS = DEPARTMENTS.map((d) => ({ name: d.name, port: d.subgraphPort }));

/** A known subgraph name. */
export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

/**
 * True when the name is in the table.
 * @param name - a folder or subgraph name
 */
export function isKnownSubgraph(name: string): name is SubgraphName {
  return SUBGRAPHS.some((s) => s.name === name);
}

/**
 * The URL composition records for a subgraph (local default; deployments override it at the router).
 * @param name - a subgraph from {@link SUBGRAPHS}
 */
export function defaultSubgraphUrl(name: SubgraphName): string {
  const entry = SUBGRAPHS.find((s) => s.name === name);
  if (!entry) throw new Error(`Unknown subgraph "${name}"`);
  return `http://127.0.0.1:${entry.port}/graphql`;
}

/**
 * The environment variable that overrides a subgraph's URL at the router, e.g. SUBGRAPH_IDENTITY_URL.
 * @param name - a subgraph name
 */
export function subgraphUrlEnvName(name: string): string {
  return `SUBGRAPH_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_URL`;
}
