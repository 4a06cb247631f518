/**
 * Loads a department's `schema.graphql` with the shared SDL prelude (`subgraphs/kit/prelude.graphql`:
 * the `@link` imports, `@auth` / `@public`, `Role`, `DateTime`, `PageInfo`) put in front, so the
 * prelude is written once. Composition (router/src/subgraph-sources.ts) and codegen (codegen.ts)
 * put the same file in front when they read the schemas.
 */
import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';

/** Where the prelude lives (copied to the same relative place in dist/ by the build). */
export const SUBGRAPH_PRELUDE_URL = new URL('../prelude.graphql', import.meta.url);

/**
 * The SDL a subgraph serves: the prelude, then the department's own schema.
 * @param schemaUrl - the department's schema.graphql, e.g. `new URL('../schema.graphql', import.meta.url)`
 */
export function readSubgraphSdl(schemaUrl: URL): string {
  return `${readFileSync(SUBGRAPH_PRELUDE_URL, 'utf8')}\n${readFileSync(schemaUrl, 'utf8')}`;
}

/**
 * {@link readSubgraphSdl}, parsed: the `typeDefs` a department hands `createSubgraphServer`.
 * @param schemaUrl - the department's schema.graphql
 */
export function loadSubgraphTypeDefs(schemaUrl: URL): DocumentNode {
  return parse(readSubgraphSdl(schemaUrl));
}
