import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OPERATION_LIMITS, documentBudgetError, operationLimitsRule } from '../operation-limits.ts';
import { cpuMillis } from './hostile-documents.ts';

const schema = buildSchema(`type Node { id: ID! name: String child(n: Int): Node } type Query { node: Node }`);
const rules = [...specifiedRules, operationLimitsRule(DEFAULT_OPERATION_LIMITS)];
const times = (k: number, each: (i: number) => string) => Array.from({ length: k }, (_, i) => each(i)).join(' ');

/** Shapes whose validation cost grows faster than their size, by how many repeats they hold. */
const families: Record<string, (k: number) => string> = {
  'one field repeated': (k) => `{ node { ${times(k, () => 'child { id }')} } }`,
  'repetition nested two deep': (k) => `{ node { ${times(k, () => `child { ${times(k, () => 'child { id }')} }`)} } }`,
  'repetition nested three deep': (k) => `{ node { ${times(k, () => `child { ${times(k, () => `child { ${times(k, () => 'child { id }')} }`)} }`)} } }`,
  'distinct fragments on one level': (k) => `{ node { ${times(k, (i) => `...R${i}`)} } } ${times(k, (i) => `fragment R${i} on Node { f${i}: id }`)}`,
  'fragments sharing a key': (k) => `{ node { ${times(k, (i) => `...R${i}`)} } } ${times(k, (i) => `fragment R${i} on Node { child { id name } }`)}`,
  'fragment chain': (k) => `{ node { ...F0 } } ${times(k, (i) => `fragment F${i} on Node { id child(n: ${i}) { ...F${i + 1} } }`)} fragment F${k} on Node { id }`,
};

/** The largest document of a family the budget admits. */
function largestAdmitted(make: (k: number) => string): { k: number; text: string } {
  let admitted = { k: 0, text: '{ node { id } }' };
  for (let k = 2; k < 2_000; k = Math.ceil(k * 1.2)) {
    const text = make(k);
    if (documentBudgetError(parse(text))) break;
    admitted = { k, text };
  }
  return admitted;
}

describe('what the budget admits is cheap to validate', () => {
  it.each(Object.entries(families))('%s: the largest admitted document validates in a few milliseconds of CPU', (_name, make) => {
    const { k, text } = largestAdmitted(make);
    expect(k).toBeGreaterThan(1);
    const document = parse(text);
    // Without the budget these shapes take 50–500 ms (see operation-limits.test.ts and merge-comparisons.ts).
    expect(cpuMillis(() => validate(schema, document, rules))).toBeLessThan(25);
  });
});
