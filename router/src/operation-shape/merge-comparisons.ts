/**
 * How many field pairs graphql-js's OverlappingFieldsCanBeMerged rule would compare, counted
 * without comparing anything. The rule compares every pair of fields sharing a response key on a
 * level, and for each pair every same-key pair of their sub-selections, recursively: a field
 * repeated r times on each of d nested levels costs about r^(2d) comparisons, so twenty
 * `child { … }` each holding twenty `child { id }` (820 selections) took 140 ms to validate.
 * It also compares each fragment landing on a level with the level and with every other such
 * fragment: 450 distinct one-field fragments spread on one level took 47 ms.
 * Capping repetition per level does not bound that; counting the comparisons does. The count
 * stops as soon as it passes the budget, so measuring costs at most the budget in cheap steps.
 */
import { visit, type DocumentNode, type FieldNode, type SelectionSetNode } from 'graphql';
import type { LevelCollector } from './levels.ts';

/** Nesting past which the count gives up (the depth limit is far lower; fragment cycles reach it). */
const MAX_NESTING = 64;

class OverBudget extends Error {}

/** Counts comparisons for one document; throws OverBudget once past `budget`. */
class ComparisonCounter {
  private count = 0;

  constructor(
    private readonly levels: LevelCollector,
    private readonly budget: number,
  ) {}

  get total(): number {
    return this.count;
  }

  /** Pairs compared within one written selection set (the rule visits each one). */
  within(selectionSet: SelectionSetNode): void {
    const { fields, fragments } = this.levels.of(selectionSet);
    // The rule also compares the level's fields with each fragment landing on it, and every pair
    // of those fragments, each comparison walking the first side's response keys.
    const sizes = [...fragments].map((name) => this.levels.fragment(name).fields.size);
    this.add(sizes.length * (1 + fields.size));
    sizes.forEach((size, i) => this.add((sizes.length - 1 - i) * (1 + size)));
    for (const same of fields.values()) {
      for (let i = 0; i < same.length; i += 1) {
        for (let j = i + 1; j < same.length; j += 1) this.pair(same[i]!, same[j]!, 0);
      }
    }
  }

  private add(comparisons: number): void {
    this.count += comparisons;
    if (this.count > this.budget) throw new OverBudget();
  }

  private pair(a: FieldNode, b: FieldNode, nesting: number): void {
    this.add(1);
    if (nesting > MAX_NESTING) throw new OverBudget();
    if (a.selectionSet && b.selectionSet) this.between(a.selectionSet, b.selectionSet, nesting + 1);
  }

  private between(first: SelectionSetNode, second: SelectionSetNode, nesting: number): void {
    const other = this.levels.of(second).fields;
    for (const [key, fields] of this.levels.of(first).fields) {
      const matching = other.get(key);
      if (!matching) continue;
      for (const a of fields) for (const b of matching) this.pair(a, b, nesting);
    }
  }
}

/**
 * Whether validating the document's field merging would compare more than `budget` field pairs.
 * Call it only on documents whose fragment expansion is bounded (document-budget.ts checks that
 * first), since flattening a fragment into a level copies its fields.
 * @param document - the parsed document
 * @param levels - the document's levels (levels.ts)
 * @param budget - most comparisons allowed
 * @returns the comparisons counted, or undefined when they pass the budget
 */
export function fieldComparisons(document: DocumentNode, levels: LevelCollector, budget: number): number | undefined {
  const counter = new ComparisonCounter(levels, budget);
  try {
    visit(document, { SelectionSet: (node) => counter.within(node) });
  } catch (error) {
    if (error instanceof OverBudget) return undefined;
    throw error;
  }
  return counter.total;
}
