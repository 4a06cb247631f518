/**
 * The walk that prices an operation (operation-cost.ts): fields grouped by response key level by
 * level as execution merges them, fragments expanded, each object charged once per item its
 * enclosing pages produce, and each patient record charged again for the audit row reading it
 * writes.
 */
import {
  Kind,
  getNamedType,
  isAbstractType,
  isCompositeType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { multiplier, type CoercedVariables } from './page-size.ts';

/**
 * What one audit row adds to the cost of the record it is written for, on top of the record's 1:
 * a permanent, hash-chained INSERT costs the hospital far more than producing one object, and a
 * page of 100 patients asked under twelve aliases (1,200 rows) must not fit the default budget.
 */
export const AUDIT_ROW_COST = 4;

/** Deeper than any valid operation can be (the depth limit is far lower); reached only through fragment cycles. */
const MAX_RECURSION = 64;

/** The state of one pricing walk. */
export interface Walk {
  schema: GraphQLSchema;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  variables: CoercedVariables;
  /** Types whose records are audited (operation-shape/patient-records.ts). */
  patientRecords: ReadonlySet<string>;
  /** Charged fields walked so far; each adds at least 1 to the cost. */
  work: number;
  stopAbove: number;
}

type Source = { selectionSet: SelectionSetNode; type: GraphQLCompositeType };

/** Fields of one selection, merged by response key as execution merges them. */
interface FieldGroup {
  parentType: GraphQLCompositeType;
  nodes: FieldNode[];
}

/**
 * Groups the fields selected on one level by response key, expanding fragments. A fragment spread
 * twice on the same level is expanded once, as graphql-js execution does.
 */
function collectFields(walk: Walk, sources: readonly Source[]): Map<string, FieldGroup> {
  const groups = new Map<string, FieldGroup>();
  const visited = new Set<string>();
  const visit = (selectionSet: SelectionSetNode, type: GraphQLCompositeType): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const group = groups.get(key);
        if (group) group.nodes.push(selection);
        else groups.set(key, { parentType: type, nodes: [selection] });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, narrow(walk.schema, type, selection.typeCondition?.name.value));
      } else {
        const name = selection.name.value;
        const fragment = walk.fragments.get(name);
        if (!fragment || visited.has(name)) continue;
        visited.add(name);
        visit(fragment.selectionSet, narrow(walk.schema, type, fragment.typeCondition.name.value));
      }
    }
  };
  for (const { selectionSet, type } of sources) visit(selectionSet, type);
  return groups;
}

function narrow(schema: GraphQLSchema, type: GraphQLCompositeType, condition: string | undefined): GraphQLCompositeType {
  if (!condition) return type;
  const named = schema.getType(condition);
  return named && isCompositeType(named) ? named : type;
}

/** The schema field of a selection; undefined for introspection fields and unknown names. */
function fieldDefinition(type: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  // Unions have no fields of their own (only __typename).
  if (name.startsWith('__') || !('getFields' in type)) return undefined;
  return type.getFields()[name];
}

/** Whether records of this type are audited; an interface or union when any of its types is. */
function isPatientRecord(walk: Walk, type: GraphQLNamedType): boolean {
  if (walk.patientRecords.has(type.name)) return true;
  return isAbstractType(type) && walk.schema.getPossibleTypes(type).some((t) => walk.patientRecords.has(t.name));
}

/**
 * The cost of the fields of one level (several selection sets when merged fields bring theirs).
 * @param walk - the walk's state
 * @param sources - the selection sets producing this level, with the type each is selected on
 * @param depth - nesting so far (guards fragment cycles, which validation refuses)
 * @returns the cost; Infinity once the walk passes `walk.stopAbove`
 */
export function selectionCost(walk: Walk, sources: readonly Source[], depth: number): number {
  if (depth > MAX_RECURSION) return Number.POSITIVE_INFINITY;
  let cost = 0;
  for (const { parentType, nodes } of collectFields(walk, sources).values()) {
    const first = nodes[0]!;
    // Introspection is answered by the router itself and never reaches a subgraph.
    const definition = fieldDefinition(parentType, first.name.value);
    if (!definition) continue;
    const type = getNamedType(definition.type);
    if (!isCompositeType(type)) continue;
    const times = multiplier(walk.variables, parentType, definition, first);
    // Each field walked adds at least 1, so past `stopAbove` the verdict is known: stop counting.
    walk.work += 1;
    if (walk.work > walk.stopAbove) return Number.POSITIVE_INFINITY;
    const audit = isPatientRecord(walk, type) ? AUDIT_ROW_COST : 0;
    const children = nodes.flatMap((n) => (n.selectionSet ? [{ selectionSet: n.selectionSet, type }] : []));
    cost += times * (1 + audit + selectionCost(walk, children, depth + 1));
    if (!Number.isFinite(cost)) return cost;
  }
  return cost;
}
