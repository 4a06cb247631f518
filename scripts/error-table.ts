/**
 * Generates the README's error table from the one error registry.
 *   npx tsx scripts/error-table.ts          rewrite the table in README.md
 *   npx tsx scripts/error-table.ts --check  fail when README.md is stale
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildErrorTable, replaceErrorTable } from './error-table/render.ts';
import { writeOrCheckReadme } from './readme-block.ts';

const readmePath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../README.md');
writeOrCheckReadme(readmePath, 'error table', 'npm run docs:errors', (readme) => replaceErrorTable(readme, buildErrorTable()));
