import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Kind } from 'graphql';
import { loadSubgraphTypeDefs, SUBGRAPH_PRELUDE_URL } from './schema-prelude.ts';

const subgraphsDir = new URL('../../', import.meta.url);
const departments = readdirSync(subgraphsDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'kit')
  .map((entry) => entry.name);
const schemaUrl = (dept: string) => new URL(`${dept}/schema.graphql`, subgraphsDir);

describe('the shared SDL prelude', () => {
  it.each(departments)('%s: schema.graphql leaves the prelude to the kit, and the loaded SDL has it once', (dept) => {
    const own = readFileSync(schemaUrl(dept), 'utf8');
    expect(own).not.toMatch(/^\s*(extend schema|directive @auth|enum Role\b|scalar DateTime\b|type PageInfo\b)/m);
    const names = loadSubgraphTypeDefs(schemaUrl(dept)).definitions.flatMap((d) => ('name' in d && d.name ? [d.name.value] : []));
    for (const shared of ['auth', 'public', 'Role', 'DateTime', 'PageInfo']) expect(names.filter((n) => n === shared)).toHaveLength(1);
    expect(loadSubgraphTypeDefs(schemaUrl(dept)).definitions.filter((d) => d.kind === Kind.SCHEMA_EXTENSION)).toHaveLength(1);
  });

  it('holds only what every department uses', () => {
    const prelude = readFileSync(SUBGRAPH_PRELUDE_URL, 'utf8');
    for (const dept of departments) {
      const own = readFileSync(schemaUrl(dept), 'utf8');
      for (const used of ['Role', 'DateTime', 'PageInfo']) expect(own, `${dept} uses ${used}`).toMatch(new RegExp(`\\b${used}\\b`));
    }
    expect(prelude).not.toMatch(/scalar Date\b(?!Time)/);
  });
});
