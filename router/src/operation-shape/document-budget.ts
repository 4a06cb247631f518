/**
 * What a document may cost to validate, measured before graphql-js validates it. Validation is
 * not linear: OverlappingFieldsCanBeMerged compares every pair of fields sharing a response key on
 * one level (500 × `a { b }` is 125,000 comparisons, each descending into the sub-selections) and
 * every pair of fragments spread side by side, and a document's size is multiplied by its
 * fragments wherever they are spread. Each measure here is one pass over the written document,
 * with each fragment measured once however often it is spread.
 */
import { Kind, visit, type DocumentNode, type SelectionSetNode } from 'graphql';
import { LevelCollector } from './levels.ts';
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

  // Expansion is now bounded, so flattening a fragment's fields into each level it lands on is too.
  const levels = new LevelCollector(fragments);
  let worst: { key: string; count: number } | undefined;
  const check = (selectionSet: SelectionSetNode | undefined): void => {
    if (!selectionSet || worst) return;
    for (const [key, fields] of levels.of(selectionSet).fields) {
      if (fields.length > budget.maxRepeatedField) {
        worst = { key, count: fields.length };
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
  if (fieldComparisons(document, levels, budget.maxFieldComparisons) === undefined) {
    return `checking that its fields merge would compare more than ${budget.maxFieldComparisons} pairs of fields and fragments`;
  }
  return undefined;
}
