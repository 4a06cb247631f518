/**
 * Generates the README's role table from the @auth / @public directives in the composed
 * supergraph, and the apps' scope table from the access module's scope table, so the
 * documentation can never drift from what router and subgraphs enforce.
 *   npx tsx scripts/role-table.ts          rewrite the table in README.md
 *   npx tsx scripts/role-table.ts --check  fail when README.md is stale
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRoleTable, replaceBetweenMarkers } from './role-table/render.ts';
import { replaceScopeTable } from './role-table/scope-table.ts';
import { writeOrCheckReadme } from './readme-block.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const supergraph = readFileSync(path.join(root, 'router/supergraph.graphql'), 'utf8');
// The apps' scope table sits beside it: both say who may read what.
writeOrCheckReadme(path.join(root, 'README.md'), 'role and scope tables', 'npm run docs:roles', (readme) =>
  replaceScopeTable(replaceBetweenMarkers(readme, buildRoleTable(supergraph))),
);
