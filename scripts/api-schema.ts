/**
 * Publishes the API schema (router/api-schema.graphql) from router/supergraph.graphql.
 *   npm run schema:publish          write it; refused while a breaking change is not in CHANGELOG.md
 *   npm run schema:publish -- --check   fail on an unrecorded breaking change or a stale file
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiSchemaSdl, breakingChanges, unrecorded } from '../router/src/explorer/api-schema.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const publishedPath = path.join(root, 'router/api-schema.graphql');
const current = apiSchemaSdl(readFileSync(path.join(root, 'router/supergraph.graphql'), 'utf8'));
const published = existsSync(publishedPath) ? readFileSync(publishedPath, 'utf8') : undefined;
const changelog = existsSync(path.join(root, 'CHANGELOG.md')) ? readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8') : '';

const missing = published ? unrecorded(await breakingChanges(published, current), changelog) : [];
if (missing.length > 0) {
  console.error('Breaking API changes not recorded in CHANGELOG.md (deprecate with @deprecated(reason:) first, then record the removal):');
  for (const change of missing) console.error(`  - ${change.path ?? '?'}: ${change.message}`);
  process.exit(1);
}
if (process.argv.includes('--check')) {
  if (published !== current) {
    console.error('router/api-schema.graphql is stale: run `npm run schema:publish` and commit it.');
    process.exit(1);
  }
  console.log('router/api-schema.graphql is current; no unrecorded breaking change.');
} else {
  writeFileSync(publishedPath, current);
  console.log('Wrote router/api-schema.graphql.');
}
