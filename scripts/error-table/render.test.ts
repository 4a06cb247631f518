import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ALL_ERROR_CODES } from '@hospital/grpc-contracts/errors';
import { buildErrorTable, replaceErrorTable } from './render.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('error table', () => {
  it('has one row per registry code, with its HTTP and gRPC statuses', () => {
    const table = buildErrorTable();
    for (const code of ALL_ERROR_CODES) expect(table).toMatch(new RegExp(`^\\| \`${code}\` \\|`, 'm'));
    expect(table).toMatch(/^\| `SERVICE_UNAVAILABLE` \| 503 \+ `Retry-After`[^|]*\| `UNAVAILABLE` \/ `DEADLINE_EXCEEDED` \/ `RESOURCE_EXHAUSTED` \|/m);
    expect(table).toMatch(/^\| `INTERNAL_SERVER_ERROR` \|[^\n]*\| masked \|/m);
  });

  it('is current in README.md', () => {
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(replaceErrorTable(readme, buildErrorTable()), 'run `npm run docs:errors`').toBe(readme);
  });
});
