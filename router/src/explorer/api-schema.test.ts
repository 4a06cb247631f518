/**
 * The published API schema holds still (issue 16): router/api-schema.graphql is the current API
 * schema, and a breaking change fails unless CHANGELOG.md records it. The check is proven on real
 * breaking changes (a removed field, a removed enum value, an argument made required).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiSchemaSdl, breakingChanges, unrecorded } from './api-schema.ts';

const file = (relative: string) => readFileSync(new URL(`../../${relative}`, import.meta.url), 'utf8');
const current = apiSchemaSdl(file('supergraph.graphql'));
const published = file('api-schema.graphql');
const changelogUrl = new URL('../../../CHANGELOG.md', import.meta.url);
const changelog = existsSync(changelogUrl) ? readFileSync(changelogUrl, 'utf8') : '';

describe('the published API schema', () => {
  it('has no breaking change CHANGELOG.md does not record, and is current (npm run schema:publish)', async () => {
    const missing = unrecorded(await breakingChanges(published, current), changelog);
    expect(missing.map((c) => `${c.path}: ${c.message}`)).toEqual([]);
    expect(current === published, 'router/api-schema.graphql is stale: run `npm run schema:publish`').toBe(true);
  });

  it('carries no federation internals', () => {
    expect(published).not.toMatch(/join__|link__|@link|_entities|_service/);
    expect(published).toContain('type Query');
  });
});

describe('the breaking-change check', () => {
  it.each([
    ['a removed field', (sdl: string) => sdl.replace(/\n\s*"""\n\s*The signed-in user\.\n[^"]*"""\n\s*me: User!\n/, '\n'), 'Query.me'],
    ['a removed enum value', (sdl: string) => sdl.replace(/\n\s*"""A registered third-party app[^\n]*\n\s*APP\n/, '\n'), 'AccessActorKind.APP'],
    ['an argument made required', (sdl: string) => sdl.replace(/(\n {2}clientApps\(\n[^\n]*\n\s*)first: Int = 20/, '$1first: Int!'), 'Query.clientApps.first'],
  ])('fails on %s unless CHANGELOG.md records it', async (_name, change, path) => {
    const broken = change(current);
    expect(broken).not.toBe(current);
    const changes = await breakingChanges(current, broken);
    expect(changes.map((c) => c.path)).toContain(path);
    expect(unrecorded(changes, '').map((c) => c.path)).toContain(path);
    const changelog = `## 2.0.0\n- Removed \`${path}\` (deprecated since 1.4.0, 90 days).\n`;
    expect(unrecorded(changes, changelog).map((c) => c.path)).not.toContain(path);
  });

  it('lets additions through', async () => {
    const added = current.replace('type Query {', 'type Query {\n  "New."\n  newField: String\n');
    expect(await breakingChanges(current, added)).toEqual([]);
  });
});
