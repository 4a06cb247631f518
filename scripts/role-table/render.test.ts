import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildRoleTable, replaceBetweenMarkers } from './render.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('role table', () => {
  it('ANDs type-level and field-level @auth and honours @public', () => {
    const table = buildRoleTable(`
      type Query { a: Int @public  b: Int @auth(requires: [ADMIN, DOCTOR])  c: Int }
      type Patient @auth(requires: [ADMIN, FINANCE]) { id: ID!  notes: String @auth(requires: [ADMIN, DOCTOR]) }
    `);
    expect(table).toContain('| `query a` | ✓ | ✓ | ✓ | ✓ | ✓ | ✓ |');
    expect(table).toContain('| `query b` | ✓ | ✓ | — | — | — | — |');
    expect(table).toContain('| `query c` | ✓ | ✓ | ✓ | ✓ | ✓ | — |');
    expect(table).toContain('| `Patient.notes` | ✓ | — | — | — | — | — |');
  });

  it('is current in README.md', () => {
    const supergraph = readFileSync(path.join(root, 'router/supergraph.graphql'), 'utf8');
    const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(replaceBetweenMarkers(readme, buildRoleTable(supergraph)), 'run `npm run docs:roles`').toBe(readme);
  });
});
