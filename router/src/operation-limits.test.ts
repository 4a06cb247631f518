import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPERATION_LIMITS, documentBudgetError, operationLimitsRule } from './operation-limits.ts';
import {
  aliasesThroughFragments,
  cpuMillis,
  exponentialFanOut,
  respreadFragments,
  repeatedFieldFlood,
  repeatedFieldThroughFragments,
} from './operation-shape/hostile-documents.ts';

import { EXPANSION_GUARD_MS } from '../test/support/expansion-guard.ts';

const schema = buildSchema(`
  type Node { id: ID! child: Node }
  type Query { node: Node a: Int b: Int c: Int }
`);
const limits = { maxDepth: 3, maxAliases: 2, maxRootFields: 3 };
const errors = (query: string) => validate(schema, parse(query), [operationLimitsRule(limits)]).map((e) => e.message);
const withDefaults = (query: string) => validate(schema, parse(query), [operationLimitsRule(DEFAULT_OPERATION_LIMITS)]).map((e) => e.message);

const timed = cpuMillis;

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

  it('count a fragment spread twice on one level once, and survive a fragment cycle', () => {
    expect(errors('{ node { ...F ...F } } fragment F on Node { id }')).toEqual([]);
    expect(() => errors('{ node { ...F } } fragment F on Node { child { ...F } }')).not.toThrow();
  });

  it('count a fragment once for every place it is spread, as execution does', () => {
    // F's alias is executed twice, plus the root alias: 3.
    expect(errors('{ node { ...F child { ...F } } y: a } fragment F on Node { x: id }')[0]).toMatch(/uses 3 aliases/);
    expect(errors('{ node { child { ...F } } } fragment F on Node { child { ...G } } fragment G on Node { child { id } }')[0]).toMatch(/nests 5 levels/);
  });
});

describe('operation limits against fragment bombs (defaults: depth 12, aliases 20)', () => {
  it('refuse fragments re-spread to 41 levels, quickly', () => {
    let messages: string[] = [];
    const ms = timed(() => (messages = withDefaults(respreadFragments(3))));
    expect(messages.join()).toMatch(/nests 41 levels deep \(at most 12\)/);
    expect(ms).toBeLessThan(EXPANSION_GUARD_MS);
  });

  it('refuse 114 aliases executed through one fragment of 6 spread 19 times', () => {
    expect(withDefaults(aliasesThroughFragments(6, 19)).join()).toMatch(/uses 133 aliases \(at most 20\)/);
  });

  it('measure an exponential fan-out (2^30 fields) in linear time', () => {
    let messages: string[] = [];
    const ms = timed(() => (messages = validate(schema, parse(exponentialFanOut(30)), [operationLimitsRule({ maxDepth: 100 })]).map((e) => e.message)));
    expect(messages.join()).toMatch(/uses 2147483646 aliases/);
    expect(ms).toBeLessThan(EXPANSION_GUARD_MS);
  });
});

describe('documentBudgetError', () => {
  it('admits ordinary documents', () => {
    expect(documentBudgetError(parse('{ node { id child { id ...F } } a b } fragment F on Node { id child { id } }'))).toBeUndefined();
    expect(documentBudgetError(parse(aliasesThroughFragments(6, 3)))).toBeUndefined();
  });

  it('refuses 500 × `child { id }` on one level within a few milliseconds, as a validation error', () => {
    const document = parse(repeatedFieldFlood(500));
    let error: ReturnType<typeof documentBudgetError>;
    const ms = timed(() => (error = documentBudgetError(document)));
    expect(error?.message).toMatch(/The document is too large/);
    expect(error?.extensions['code']).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(ms).toBeLessThan(EXPANSION_GUARD_MS);
  });

  it('counts repeated fields on one level, also those fragments bring', () => {
    expect(documentBudgetError(parse(repeatedFieldFlood(100)))?.message).toMatch(/selects "child" 100 times on one level \(at most 25\)/);
    expect(documentBudgetError(parse(repeatedFieldThroughFragments(60)))?.message).toMatch(/selects "child" 60 times/);
    expect(documentBudgetError(parse(repeatedFieldThroughFragments(20)))).toBeUndefined();
  });

  it('refuses nested repetition whose field-merge check would be quadratic (15 × `child` each holding 15 × `child { id }`)', () => {
    // 466 selections, 15 of a key per level: graphql-js compares 105 pairs, each comparing 225 pairs below.
    const nested = `{ node { ${`child { ${'child { id } '.repeat(15)} } `.repeat(15)} } }`;
    let error: ReturnType<typeof documentBudgetError>;
    const document = parse(nested);
    const ms = timed(() => (error = documentBudgetError(document)));
    expect(error?.message).toMatch(/would compare more than 2000 pairs of fields/);
    expect(ms).toBeLessThan(EXPANSION_GUARD_MS);
  });

  it('admits the small repetition fragments bring (the same `id` in a level and its fragments)', () => {
    expect(documentBudgetError(parse('{ node { id ...A ...B child { id ...A } } } fragment A on Node { id child { id } } fragment B on Node { id }'))).toBeUndefined();
  });

  it('refuses an exponential fragment fan-out by its expanded size, without expanding it', () => {
    let error: ReturnType<typeof documentBudgetError>;
    const document = parse(exponentialFanOut(30));
    const ms = timed(() => (error = documentBudgetError(document)));
    expect(error?.message).toMatch(/expands to \d+ fields through its fragments \(at most 2000\)/);
    expect(ms).toBeLessThan(EXPANSION_GUARD_MS);
  });

  it('refuses too many written selections, and takes smaller limits (for anonymous callers)', () => {
    const wide = `{ ${Array.from({ length: 501 }, (_, i) => `f${i}: a`).join(' ')} }`;
    expect(documentBudgetError(parse(wide))?.message).toMatch(/has 501 selections \(at most 500\)/);
    expect(documentBudgetError(parse('{ node { id child { id } } }'), { maxSelections: 3 })?.message).toMatch(/has 4 selections \(at most 3\)/);
  });

  it('does not hang on fragment cycles or unknown fragments (validation reports them)', () => {
    expect(documentBudgetError(parse('{ node { ...F ...Missing } } fragment F on Node { child { ...G } } fragment G on Node { ...F }'))).toBeUndefined();
  });
});
