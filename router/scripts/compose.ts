/**
 * `npm run compose` writes router/supergraph.graphql from the subgraph contracts;
 * `npm run compose:check` recomposes and fails when the committed file is stale.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { composeSupergraph } from '../src/compose.ts';
import { readSubgraphSources, REPO_ROOT, SUPERGRAPH_FILE } from '../src/subgraph-sources.ts';

const check = process.argv.includes('--check');
const relative = path.relative(REPO_ROOT, SUPERGRAPH_FILE);

const sources = readSubgraphSources();
console.log(`Composing ${sources.length} subgraphs: ${sources.map((s) => s.name).join(', ')}`);
const outcome = composeSupergraph(sources);
for (const warning of outcome.warnings) console.warn(`hint: ${warning}`);

if (outcome.errors.length > 0 || !outcome.supergraphSdl) {
  console.error(`Composition failed (${outcome.errors.length} problem(s)):`);
  for (const error of outcome.errors) console.error(`  - ${error}`);
  process.exit(1);
}

if (check) {
  const committed = existsSync(SUPERGRAPH_FILE) ? readFileSync(SUPERGRAPH_FILE, 'utf8') : undefined;
  if (committed !== outcome.supergraphSdl) {
    console.error(
      committed === undefined
        ? `${relative} is missing. Run \`npm run compose\` and commit it.`
        : `${relative} is out of date with the subgraph schemas. Run \`npm run compose\` and commit the result.`,
    );
    process.exit(1);
  }
  console.log(`${relative} is up to date.`);
} else {
  writeFileSync(SUPERGRAPH_FILE, outcome.supergraphSdl);
  console.log(`Wrote ${relative}.`);
}
