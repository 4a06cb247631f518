/** Whether a resolver's selection reaches a field: lets a listing skip reading what nobody asked for. */
import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

function reaches(set: SelectionSetNode | undefined, path: readonly string[], fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>): boolean {
  if (!set) return false;
  if (path.length === 0) return true;
  return set.selections.some((selection) => {
    if (selection.kind === 'Field') return selection.name.value === path[0] && (path.length === 1 || reaches(selection.selectionSet, path.slice(1), fragments, seen));
    if (selection.kind === 'InlineFragment') return reaches(selection.selectionSet, path, fragments, seen);
    const name = selection.name.value;
    if (seen.has(name)) return false;
    seen.add(name);
    return reaches(fragments[name]?.selectionSet, path, fragments, seen);
  });
}

/**
 * True when the field being resolved selects `path` (through inline fragments and fragment
 * spreads, whatever their type condition or directives: when in doubt, it is selected).
 * @param info - the resolver's info
 * @param path - field names below the resolved field, e.g. ['edges', 'node', 'history']
 */
export function selectsField(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  return info.fieldNodes.some((node) => reaches(node.selectionSet, path, info.fragments, new Set()));
}
