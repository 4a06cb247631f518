/**
 * Reads the subgraph contracts from the repository: every `subgraphs/<name>/schema.graphql`
 * except the shared kit, named by folder, with the URL from the subgraph table, each with the
 * shared SDL prelude (`subgraphs/kit/prelude.graphql`) in front, as the subgraph serves it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SubgraphSource } from './compose.ts';
import { defaultSubgraphUrl, isKnownSubgraph } from './subgraph-list.ts';

/** Repository root (two levels above this file). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where the committed supergraph lives. */
export const SUPERGRAPH_FILE = path.join(REPO_ROOT, 'router', 'supergraph.graphql');

/** Folders under `subgraphs/` that are libraries, not subgraphs. */
const NOT_SUBGRAPHS = new Set(['kit']);

/**
 * Loads every subgraph SDL, sorted by name so the supergraph is stable.
 * @param subgraphsDir - the `subgraphs/` folder
 */
export function readSubgraphSources(subgraphsDir = path.join(REPO_ROOT, 'subgraphs')): SubgraphSource[] {
  // The SDL prelude every subgraph shares; the subgraph kit puts it in front at start-up too.
  const prelude = readFileSync(path.join(subgraphsDir, 'kit', 'prelude.graphql'), 'utf8');
  const sources: SubgraphSource[] = [];
  for (const entry of readdirSync(subgraphsDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || NOT_SUBGRAPHS.has(entry.name)) continue;
    const file = path.join(subgraphsDir, entry.name, 'schema.graphql');
    if (!existsSync(file)) continue;
    if (!isKnownSubgraph(entry.name)) {
      throw new Error(`subgraphs/${entry.name} is not in router/src/subgraph-list.ts; add it with its port.`);
    }
    sources.push({ name: entry.name, url: defaultSubgraphUrl(entry.name), sdl: `${prelude}\n${readFileSync(file, 'utf8')}` });
  }
  return sources.sort((a, b) => a.name.localeCompare(b.name));
}
