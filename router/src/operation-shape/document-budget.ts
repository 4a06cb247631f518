/**
 * What a document may cost to validate, measured before graphql-js validates it. Validation is
 * not linear: OverlappingFieldsCanBeMerged compares every pair of fields sharing a response key on
 * one level (500 × `a { b }` is 125,000 comparisons, each descending into the sub-selections), and
 * every rule walks fragments as often as they are spread. Each measure here is one pass over the
 * written document, with each fragment measured once however often it is spread.
 */
import { Kind, visit, type DocumentNode, type SelectionSetNode } from 'graphql';
import { fieldComparisons } from './merge-comparisons.ts';
import { ShapeMeter, fragmentsOf } from './shape.ts';

/** The budget of one document. */
export interface DocumentBudget {
  /** Selections (fields, fragment spreads, inline fragments) written in the whole document. */
  maxSelections: number;
  /** Fields of any one operation or fragment once its fragments are expanded. */
  maxExpandedFields: number;
  /** Fields sharing one response key on one level, counting those its fragments bring. */
  maxRepeatedField: number;
  /** Field pairs graphql-js would compare to check that fields merge (merge-comparisons.ts). */
  maxFieldComparisons: number;
}

/** Written selections, counted without recursion (the document may be arbitrarily deep). */
function writtenSelections(document: DocumentNode): number {
  let count = 0;
  const pending: SelectionSetNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) pending.push(definition.selectionSet);
  }
  for (let next = pending.pop(); next; next = pending.pop()) {
    count += next.selections.length;
    for (const selection of next.selections) {
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet) pending.push(selection.selectionSet);
    }
  }
  return count;
}

/** Response keys of one level with their counts, through inline fragments and (memoised) named ones. */
class LevelKeys {
  private readonly memo = new Map<string, ReadonlyMap<string, number> | 'measuring'>();

  constructor(private readonly fragments: ReturnType<typeof fragmentsOf>) {}

  fragment(name: string): ReadonlyMap<string, number> {
    const known = this.memo.get(name);
    if (known === 'measuring') return new Map();
    if (known) return known;
    const definition = this.fragments.get(name);
    if (!definition) return new Map();
    this.memo.set(name, 'measuring');
    const keys = this.of(definition.selectionSet);
    this.memo.set(name, keys);
    return keys;
  }

  of(selectionSet: SelectionSetNode): Map<string, number> {
    const keys = new Map<string, number>();
    this.collect(selectionSet, keys, new Set());
    return keys;
  }

  private collect(selectionSet: SelectionSetNode, keys: Map<string, number>, spread: Set<string>): void {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        keys.set(key, (keys.get(key) ?? 0) + 1);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        this.collect(selection.selectionSet, keys, spread);
      } else if (!spread.has(selection.name.value)) {
        spread.add(selection.name.value);
        for (const [key, count] of this.fragment(selection.name.value)) keys.set(key, (keys.get(key) ?? 0) + count);
      }
    }
  }
}

/**
 * The first budget a document exceeds, described for the caller; undefined within budget.
 * @param document - the parsed, not yet validated, document
 * @param budget - the limits
 */
export function documentOverBudget(document: DocumentNode, budget: DocumentBudget): string | undefined {
  const written = writtenSelections(document);
  if (written > budget.maxSelections) return `it has ${written} selections (at most ${budget.maxSelections})`;

  const fragments = fragmentsOf(document);
  const meter = new ShapeMeter(fragments);
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION && definition.kind !== Kind.FRAGMENT_DEFINITION) continue;
    const { fields } = definition.kind === Kind.FRAGMENT_DEFINITION ? meter.fragment(definition.name.value) : meter.selectionSet(definition.selectionSet);
    if (fields > budget.maxExpandedFields) {
      const shown = fields > Number.MAX_SAFE_INTEGER ? 'more than 2^53' : String(fields);
      return `expands to ${shown} fields through its fragments (at most ${budget.maxExpandedFields})`;
    }
  }

  // Expansion is now bounded, so merging a fragment's keys wherever it is spread is too.
  const levels = new LevelKeys(fragments);
  let worst: { key: string; count: number } | undefined;
  const check = (selectionSet: SelectionSetNode | undefined): void => {
    if (!selectionSet || worst) return;
    for (const [key, count] of levels.of(selectionSet)) {
      if (count > budget.maxRepeatedField) {
        worst = { key, count };
        return;
      }
    }
  };
  visit(document, {
    OperationDefinition: (node) => check(node.selectionSet),
    FragmentDefinition: (node) => check(node.selectionSet),
    Field: (node) => check(node.selectionSet),
  });
  if (worst) return `selects "${worst.key}" ${worst.count} times on one level (at most ${budget.maxRepeatedField})`;
  if (fieldComparisons(document, fragments, budget.maxFieldComparisons) === undefined) {
    return `checking that its fields merge would compare more than ${budget.maxFieldComparisons} pairs of fields and fragments`;
  }
  return undefined;
}
