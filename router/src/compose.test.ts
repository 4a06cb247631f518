import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { composeSupergraph, type SubgraphSource } from './compose.ts';
import { readSubgraphSources, SUPERGRAPH_FILE } from './subgraph-sources.ts';

/** A tiny subgraph in the project's style; `repeatable` can be switched off to show the pitfall. */
function subgraph(name: string, body: string, options: { repeatable?: boolean } = {}): SubgraphSource {
  const repeatable = options.repeatable === false ? '' : 'repeatable ';
  const sdl = `
    extend schema
      @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key", "@shareable", "@composeDirective"])
      @link(url: "https://specs.hospital-system.dev/auth/v1.0", import: ["@auth", "@public"])
      @composeDirective(name: "@auth")
      @composeDirective(name: "@public")
    directive @auth(requires: [Role!]!) ${repeatable}on OBJECT | FIELD_DEFINITION
    directive @public on FIELD_DEFINITION
    enum Role { ADMIN DOCTOR PHARMACIST FINANCE WARD_STAFF }
    ${body}`;
  return { name, url: `http://127.0.0.1:1/${name}`, sdl };
}

describe('composeSupergraph', () => {
  it('composes and keeps every @auth application in the supergraph', () => {
    const outcome = composeSupergraph([
      subgraph('a', 'type Thing @key(fields: "id") { id: ID! note: String @shareable @auth(requires: [DOCTOR]) } type Query { thing: Thing @auth(requires: [ADMIN, DOCTOR]) }'),
      subgraph('b', 'type Thing @key(fields: "id") { id: ID! note: String @shareable @auth(requires: [ADMIN]) } type Query { ping: String @public }'),
    ]);
    expect(outcome.errors).toEqual([]);
    const noteLine = outcome.supergraphSdl?.split('\n').find((line) => line.includes('note: String'));
    expect(noteLine).toContain('@auth(requires: [DOCTOR])');
    expect(noteLine).toContain('@auth(requires: [ADMIN])');
  });

  it('reports composition errors with their code', () => {
    const outcome = composeSupergraph([subgraph('a', 'type Query { clash: Int @public }'), subgraph('b', 'type Query { clash: Int @public }')]);
    expect(outcome.supergraphSdl).toBeUndefined();
    expect(outcome.errors.join('\n')).toMatch(/INVALID_FIELD_SHARING/);
  });

  it('fails when a non-repeatable @auth would silently drop roles', () => {
    const outcome = composeSupergraph([
      subgraph('a', 'type Thing @key(fields: "id") { id: ID! note: String @shareable @auth(requires: [DOCTOR]) } type Query { a: Thing @public }', { repeatable: false }),
      subgraph('b', 'type Thing @key(fields: "id") { id: ID! note: String @shareable @auth(requires: [ADMIN]) } type Query { b: Thing @public }', { repeatable: false }),
    ]);
    expect(outcome.supergraphSdl).toBeUndefined();
    expect(outcome.errors.join('\n')).toMatch(/INCONSISTENT_NON_REPEATABLE_DIRECTIVE_ARGUMENTS/);
  });

  it('denies by default: a root field without @auth or @public fails the build', () => {
    const outcome = composeSupergraph([subgraph('a', 'type Query { open: String  guarded: String @auth(requires: [ADMIN]) } type Mutation { doIt: Boolean }')]);
    expect(outcome.supergraphSdl).toBeUndefined();
    expect(outcome.errors).toEqual([expect.stringMatching(/^Query\.open has neither @auth nor @public/), expect.stringMatching(/^Mutation\.doIt has neither @auth nor @public/)]);
  });

  it('counts a type-level @auth on a root type as coverage', () => {
    const outcome = composeSupergraph([subgraph('a', 'type Query @auth(requires: [FINANCE]) { ledger: String }')]);
    expect(outcome.errors).toEqual([]);
  });

  it('rejects @public combined with @auth, and @public off the root types', () => {
    const outcome = composeSupergraph([subgraph('a', 'type Thing { x: String @public } type Query { both: Thing @public @auth(requires: [ADMIN]) }')]);
    expect(outcome.errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Query\.both has both @public and @auth/), expect.stringMatching(/^Thing\.x: @public only applies/)]),
    );
  });
});

describe('router/supergraph.graphql', () => {
  it('is what composing the current subgraph schemas produces (run `npm run compose`)', () => {
    const outcome = composeSupergraph(readSubgraphSources());
    expect(outcome.errors).toEqual([]);
    expect(existsSync(SUPERGRAPH_FILE)).toBe(true);
    expect(readFileSync(SUPERGRAPH_FILE, 'utf8')).toBe(outcome.supergraphSdl);
  });
});
