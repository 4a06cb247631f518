/**
 * Size limits every operation must respect before anything is planned: selection depth, aliases
 * and root fields, counted on the operation as executed (every fragment expanded where it is
 * spread, each fragment measured once: operation-shape/shape.ts). They stop cheap requests that
 * cost the subgraphs a lot (deeply nested entity chains, one field asked under hundreds of
 * aliases). {@link documentBudgetError} bounds what a document may cost to validate at all.
 */
import { GraphQLError, type ASTVisitor, type DocumentNode, type ValidationContext, type ValidationRule } from 'graphql';
import { documentOverBudget, type DocumentBudget } from './operation-shape/document-budget.ts';
import { ShapeMeter, fragmentsOf } from './operation-shape/shape.ts';

/** The limits. */
export interface OperationLimits extends DocumentBudget {
  /** Deepest field nesting (a root field is depth 1). */
  maxDepth: number;
  /** Aliased fields in one operation. */
  maxAliases: number;
  /** Fields selected directly on the root type. */
  maxRootFields: number;
}

/**
 * Defaults sized well above what the dashboards and the documented examples send (the web app's
 * largest document has 66 selections and repeats no response key on any level, so its field
 * merging costs no comparison at all).
 */
export const DEFAULT_OPERATION_LIMITS: OperationLimits = {
  maxDepth: 12,
  maxAliases: 20,
  maxRootFields: 12,
  // Validation is linear in it at about 20 µs a selection (fragments, arguments): 500 keeps the
  // worst admitted document near 10 ms of CPU (operation-shape/document-budget.test.ts).
  maxSelections: 500,
  maxExpandedFields: 2_000,
  maxRepeatedField: 25,
  maxFieldComparisons: 2_000,
};

/** The `extensions.code` of every limit refusal: they are validation errors, before and inside validate(). */
export const OPERATION_LIMIT_CODE = 'GRAPHQL_VALIDATION_FAILED';

/**
 * A validation rule enforcing the depth, alias and root-field limits on every operation of a
 * document, counted through fragments as execution expands them.
 * @param limits - the limits to enforce (missing ones take {@link DEFAULT_OPERATION_LIMITS})
 */
export function operationLimitsRule(limits: Partial<OperationLimits>): ValidationRule {
  const { maxDepth, maxAliases, maxRootFields } = { ...DEFAULT_OPERATION_LIMITS, ...limits };
  return (context: ValidationContext): ASTVisitor => {
    const meter = new ShapeMeter(fragmentsOf(context.getDocument()));
    return {
      OperationDefinition(node) {
        const { depth, aliases, topFields } = meter.selectionSet(node.selectionSet);
        const problems: string[] = [];
        if (depth > maxDepth) problems.push(`nests ${depth} levels deep (at most ${maxDepth})`);
        if (aliases > maxAliases) problems.push(`uses ${aliases} aliases (at most ${maxAliases})`);
        if (topFields > maxRootFields) problems.push(`asks for ${topFields} root fields (at most ${maxRootFields})`);
        if (problems.length > 0) {
          context.reportError(new GraphQLError(`The operation is too large: it ${problems.join(', ')}.`, { nodes: [node], extensions: { code: OPERATION_LIMIT_CODE } }));
        }
      },
    };
  };
}

/**
 * A cheap check run right after parsing and before validation: refuses documents whose size,
 * fragment expansion or repeated fields would make validating them expensive. Linear in the
 * written document, whatever its fragments expand to.
 * @param document - the parsed document
 * @param limits - the budget (missing values take {@link DEFAULT_OPERATION_LIMITS})
 * @returns the refusal, or undefined when the document is within budget
 */
export function documentBudgetError(document: DocumentNode, limits?: Partial<OperationLimits>): GraphQLError | undefined {
  const problem = documentOverBudget(document, { ...DEFAULT_OPERATION_LIMITS, ...limits });
  if (!problem) return undefined;
  return new GraphQLError(`The document is too large: ${problem}.`, { extensions: { code: OPERATION_LIMIT_CODE } });
}
