/**
 * One level of a selection as graphql-js's field-merge check sees it: the fields of a selection
 * set by response key, with inline fragments and named fragment spreads flattened into it. Each
 * fragment's level is collected once and copied wherever it is spread, so callers must first
 * bound the document's fragment expansion (document-budget.ts does).
 */
import { Kind, type FieldNode, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import { FragmentMemo } from './shape.ts';

/** The fields of one level by response key, and every fragment whose fields land on it. */
export interface Level {
  fields: ReadonlyMap<string, readonly FieldNode[]>;
  fragments: ReadonlySet<string>;
}

const EMPTY: Level = { fields: new Map(), fragments: new Set() };

/**
 * Collects levels of one document, remembering each selection set's and each fragment's.
 * Unknown fragments and fragment cycles add nothing (validation refuses both).
 */
export class LevelCollector {
  private readonly levels = new WeakMap<SelectionSetNode, Level>();
  private readonly fragmentLevels: FragmentMemo<Level>;

  /**
   * @param fragments - the document's fragments by name (shape.ts `fragmentsOf`)
   */
  constructor(fragments: ReadonlyMap<string, FragmentDefinitionNode>) {
    this.fragmentLevels = new FragmentMemo(fragments, EMPTY);
  }

  /**
   * The level of one selection set.
   * @param selectionSet - an operation's, a field's, an inline or a named fragment's selections
   */
  of(selectionSet: SelectionSetNode): Level {
    const known = this.levels.get(selectionSet);
    if (known) return known;
    const level = { fields: new Map<string, FieldNode[]>(), fragments: new Set<string>() };
    this.collect(selectionSet, level, new Set());
    this.levels.set(selectionSet, level);
    return level;
  }

  /**
   * The level a named fragment brings where it is spread.
   * @param name - the fragment's name
   */
  fragment(name: string): Level {
    return this.fragmentLevels.of(name, (selectionSet) => this.of(selectionSet));
  }

  private collect(selectionSet: SelectionSetNode, level: { fields: Map<string, FieldNode[]>; fragments: Set<string> }, spread: Set<string>): void {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const fields = level.fields.get(key);
        if (fields) fields.push(selection);
        else level.fields.set(key, [selection]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        this.collect(selection.selectionSet, level, spread);
      } else if (!spread.has(selection.name.value)) {
        // A fragment spread twice on one level lands once (graphql-js collects it once).
        spread.add(selection.name.value);
        const brought = this.fragment(selection.name.value);
        level.fragments.add(selection.name.value);
        for (const name of brought.fragments) level.fragments.add(name);
        for (const [key, fields] of brought.fields) {
          const mine = level.fields.get(key);
          if (mine) mine.push(...fields);
          else level.fields.set(key, [...fields]);
        }
      }
    }
  }
}
