/**
 * The shape of an operation as executed: every fragment spread (named or inline) expanded in
 * place. Expansion itself can be a bomb (a fragment spreading the next one twice, thirty times
 * over, describes 2^30 fields in a few hundred bytes), so nothing here expands anything: each
 * fragment's shape is computed once and reused wherever it is spread, which makes the measure
 * linear in the size of the written document however large the expansion is.
 */
import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';

/** Measures of one selection set with its fragments expanded. */
export interface Shape {
  /** Deepest field nesting below this selection set (a field directly in it is depth 1). */
  depth: number;
  /** Aliased fields in the expansion. */
  aliases: number;
  /** Fields in the expansion (every field, scalars included). */
  fields: number;
  /** Fields directly on this level once its fragments are flattened (root fields, for an operation). */
  topFields: number;
}

const EMPTY: Shape = { depth: 0, aliases: 0, fields: 0, topFields: 0 };

/** The fragment definitions of a document, by name (the first of a repeated name wins; validation reports the repeat). */
export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION && !fragments.has(definition.name.value)) {
      fragments.set(definition.name.value, definition);
    }
  }
  return fragments;
}

/**
 * What each named fragment of one document comes to, computed once per fragment. Unknown
 * fragments and fragment cycles come to `empty` (validation refuses both; this may run before it
 * without hanging on them).
 */
export class FragmentMemo<T> {
  private readonly memo = new Map<string, { value: T } | 'pending'>();

  /**
   * @param fragments - the document's fragments, from {@link fragmentsOf}
   * @param empty - what an unknown fragment or a cycle comes to
   */
  constructor(
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly empty: T,
  ) {}

  /**
   * What one named fragment comes to (computed on its first use).
   * @param name - the fragment's name
   * @param compute - what its selection set comes to
   */
  of(name: string, compute: (selectionSet: SelectionSetNode) => T): T {
    const known = this.memo.get(name);
    if (known === 'pending') return this.empty;
    if (known) return known.value;
    const definition = this.fragments.get(name);
    if (!definition) return this.empty;
    this.memo.set(name, 'pending');
    const value = compute(definition.selectionSet);
    this.memo.set(name, { value });
    return value;
  }
}

/**
 * Measures selection sets of one document, remembering each fragment's shape. Unknown fragments
 * and fragment cycles count as empty: validation refuses both, and this may run before it
 * without hanging on them.
 */
export class ShapeMeter {
  private readonly memo: FragmentMemo<Shape>;

  /**
   * @param fragments - the document's fragments, from {@link fragmentsOf}
   */
  constructor(fragments: ReadonlyMap<string, FragmentDefinitionNode>) {
    this.memo = new FragmentMemo(fragments, EMPTY);
  }

  /**
   * The expanded shape of one named fragment (computed once).
   * @param name - the fragment's name
   */
  fragment(name: string): Shape {
    return this.memo.of(name, (selectionSet) => this.selectionSet(selectionSet));
  }

  /**
   * The expanded shape of a selection set.
   * @param selectionSet - an operation's, a field's or a fragment's selections
   */
  selectionSet(selectionSet: SelectionSetNode): Shape {
    // Execution expands a fragment spread twice on one level once (graphql-js collectFields).
    return this.level(selectionSet, new Set());
  }

  private level(selectionSet: SelectionSetNode, spread: Set<string>): Shape {
    const total = { ...EMPTY };
    for (const selection of selectionSet.selections) {
      let part: Shape;
      if (selection.kind === Kind.FIELD) {
        const inner = selection.selectionSet ? this.selectionSet(selection.selectionSet) : EMPTY;
        part = { depth: 1 + inner.depth, aliases: (selection.alias ? 1 : 0) + inner.aliases, fields: 1 + inner.fields, topFields: 1 };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        part = this.level(selection.selectionSet, spread);
      } else {
        if (spread.has(selection.name.value)) continue;
        spread.add(selection.name.value);
        part = this.fragment(selection.name.value);
      }
      total.depth = Math.max(total.depth, part.depth);
      total.aliases += part.aliases;
      total.fields += part.fields;
      total.topFields += part.topFields;
    }
    return total;
  }
}
