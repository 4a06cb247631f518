/**
 * Generates the README's role table from the @auth / @public directives in the composed
 * supergraph, so the documentation can never drift from what router and subgraphs enforce.
 *   npx tsx scripts/role-table.ts          rewrite the table in README.md
 *   npx tsx scripts/role-table.ts --check  fail when README.md is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRoleTable, replaceBetweenMarkers } from './role-table/render.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const readmePath = path.join(root, 'README.md');
const supergraph = readFileSync(path.join(root, 'router/supergraph.graphql'), 'utf8');
const readme = readFileSync(readmePath, 'utf8');
const updated = replaceBetweenMarkers(readme, buildRoleTable(supergraph));

if (process.argv.includes('--check')) {
  if (updated !== readme) {
    console.error('README.md role table is stale: run `npm run docs:roles` and commit the result.');
    process.exit(1);
  }
  console.log('README.md role table is current.');
} else {
  writeFileSync(readmePath, updated);
  console.log('README.md role table written.');
}
