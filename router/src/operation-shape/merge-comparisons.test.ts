import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { fieldComparisons } from './merge-comparisons.ts';
import { LevelCollector } from './levels.ts';
import { fragmentsOf } from './shape.ts';

const count = (query: string, budget = 1_000_000) => {
  const document = parse(query);
  return fieldComparisons(document, new LevelCollector(fragmentsOf(document)), budget);
};

describe('fieldComparisons', () => {
  it('costs nothing without repeated response keys', () => {
    expect(count('{ node { id child { id name } } }')).toBe(0);
    expect(count('{ node { a: child { id } b: child { id } } }')).toBe(0);
  });

  it('counts each pair of a repeated key and the pairs below it', () => {
    // One pair of `child`, and below it one pair of `id`.
    expect(count('{ node { child { id } child { id } } }')).toBe(2);
    // Three `child`: 3 pairs, each comparing 2 × 2 `id`s; each child level also holds 1 pair of its own.
    expect(count('{ node { child { id id } child { id id } child { id id } } }')).toBe(3 + 3 * 4 + 3);
  });

  it('counts the fields fragments bring to a level, and the comparisons of those fragments', () => {
    // The two `child` and their `id`s (2), and F against the level's one response key (1 + 1).
    expect(count('{ node { child { id } ...F } } fragment F on Node { child { id } }')).toBe(4);
    // Three distinct one-field fragments: each against the level (3 × (1 + 3)), then 2 + 1 pairs of them (× 2).
    expect(count('{ node { ...A ...B ...C } } fragment A on Node { a: id } fragment B on Node { b: id } fragment C on Node { c: id }')).toBe(12 + 6);
  });

  it('gives up on hundreds of distinct fragments on one level (graphql-js compares every pair)', () => {
    const spreads = Array.from({ length: 300 }, (_, i) => `...R${i}`).join(' ');
    const fragments = Array.from({ length: 300 }, (_, i) => `fragment R${i} on Node { f${i}: id }`).join(' ');
    expect(count(`{ node { ${spreads} } } ${fragments}`, 2_000)).toBeUndefined();
  });

  it('grows as repetition nests, and gives up past the budget', () => {
    const nested = (r: number) => `{ node { ${`child { ${'child { id } '.repeat(r)} } `.repeat(r)} } }`;
    expect(count(nested(4))).toBeLessThan(count(nested(8))! / 10);
    expect(count(nested(20), 2_000)).toBeUndefined();
  });

  it('survives fragment cycles (validation refuses them)', () => {
    expect(count('{ node { ...F ...F } } fragment F on Node { child { ...F } child { ...F } }', 10_000)).toBeUndefined();
  });
});
