/** A connection's page (`edges { node }`, `pageInfo`, `totalCount`) as the lists read it. */
import type { PageSummary } from './Pager.tsx';

/** A page of a connection: its edges and what the pager reads. */
export interface Connection<T> extends PageSummary {
  edges: ReadonlyArray<{ node: T }>;
}

/**
 * The nodes of a connection's page, in edge order; none while it has not loaded.
 * @param connection - the connection field of a query's data (undefined before the first answer)
 */
export function nodesOf<T>(connection: { edges: ReadonlyArray<{ node: T }> } | null | undefined): T[] {
  return connection?.edges.map((edge) => edge.node) ?? [];
}
