import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationLimitsRule } from './operation-limits.ts';

const schema = buildSchema(`
  type Node { id: ID! child: Node }
  type Query { node: Node a: Int b: Int c: Int }
`);
const limits = { maxDepth: 3, maxAliases: 2, maxRootFields: 3 };
const errors = (query: string) => validate(schema, parse(query), [operationLimitsRule(limits)]).map((e) => e.message);

describe('operation limits', () => {
  it('let operations within the limits through', () => {
    expect(errors('{ node { child { id } } a b }')).toEqual([]);
  });

  it('refuse depth, also hidden in fragments and inline fragments', () => {
    expect(errors('{ node { child { child { id } } } }')[0]).toMatch(/nests 4 levels deep \(at most 3\)/);
    expect(errors('{ node { ...F } } fragment F on Node { child { ... on Node { child { id } } } }')[0]).toMatch(/nests 4 levels/);
  });

  it('refuse too many aliases and root fields, counted through fragments', () => {
    expect(errors('{ x: a y: b z: c }')[0]).toMatch(/uses 3 aliases/);
    expect(errors('{ ...R node { id } } fragment R on Query { a b c }')[0]).toMatch(/asks for 4 root fields/);
  });

  it('count a fragment spread twice once, and survive a fragment cycle', () => {
    expect(errors('{ node { ...F ...F } } fragment F on Node { id }')).toEqual([]);
    expect(() => errors('{ node { ...F } } fragment F on Node { child { ...F } }')).not.toThrow();
  });
});
