/**
 * Size limits every operation must respect before anything is planned: selection depth, aliases
 * and root fields, counted through fragments. They stop cheap requests that cost the subgraphs a
 * lot (deeply nested entity chains, one field asked under hundreds of aliases).
 */
import { GraphQLError, Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

/** The limits. */
export interface OperationLimits {
  /** Deepest field nesting (a root field is depth 1). */
  maxDepth: number;
  /** Aliased fields in one operation. */
  maxAliases: number;
  /** Fields selected directly on the root type. */
  maxRootFields: number;
}

/** Defaults sized well above what the dashboards and the documented examples send. */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = { maxDepth: 12, maxAliases: 20, maxRootFields: 12 };

interface Measure {
  depth: number;
  aliases: number;
}

function measure(context: ValidationContext, selectionSet: SelectionSetNode, seen: Set<string>): Measure {
  let depth = 0;
  let aliases = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.alias) aliases += 1;
      const inner = selection.selectionSet ? measure(context, selection.selectionSet, seen) : { depth: 0, aliases: 0 };
      depth = Math.max(depth, 1 + inner.depth);
      aliases += inner.aliases;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const inner = measure(context, selection.selectionSet, seen);
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
    } else {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      // A fragment spread twice is counted once; cycles are reported by graphql-js's own rule.
      if (!fragment || seen.has(name)) continue;
      seen.add(name);
      const inner = measure(context, fragment.selectionSet, seen);
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
    }
  }
  return { depth, aliases };
}

function rootFieldCount(context: ValidationContext, selectionSet: SelectionSetNode, seen: Set<string>): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) count += 1;
    else if (selection.kind === Kind.INLINE_FRAGMENT) count += rootFieldCount(context, selection.selectionSet, seen);
    else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = context.getFragment(selection.name.value);
      if (fragment) count += rootFieldCount(context, fragment.selectionSet, seen);
    }
  }
  return count;
}

/**
 * A validation rule enforcing the limits on every operation of a document.
 * @param limits - the limits to enforce
 */
export function operationLimitsRule(limits: OperationLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const { depth, aliases } = measure(context, node.selectionSet, new Set());
      const roots = rootFieldCount(context, node.selectionSet, new Set());
      const problems: string[] = [];
      if (depth > limits.maxDepth) problems.push(`nests ${depth} levels deep (at most ${limits.maxDepth})`);
      if (aliases > limits.maxAliases) problems.push(`uses ${aliases} aliases (at most ${limits.maxAliases})`);
      if (roots > limits.maxRootFields) problems.push(`asks for ${roots} root fields (at most ${limits.maxRootFields})`);
      if (problems.length > 0) {
        context.reportError(new GraphQLError(`The operation is too large: it ${problems.join(', ')}.`, { nodes: [node] }));
      }
    },
  });
}
