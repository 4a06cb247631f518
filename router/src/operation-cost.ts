/**
 * The cost of an operation: about how many objects the subgraphs may have to produce for it. Each
 * object-typed field costs 1 (scalars and enums cost nothing), and a paginated field multiplies
 * the cost of its selection by its page size, so `patients(first: 100) { edges { node {
 * appointments(first: 100) { … } } } }` costs ten thousand times its innermost selection. The
 * depth/alias limits in operation-limits.ts cannot see that: a three-level query can be cheap or
 * ruinous depending on its `first` arguments.
 *
 * Where it runs: a graphql-js validation rule never sees the variables, so a rule would have to
 * charge every `first: $n` at the cap, refusing ordinary dashboards that page with variables. The
 * cost is therefore computed once the operation is resolved and the variables are known: in an
 * Apollo Server `didResolveOperation` hook on HTTP (after validation, before the gateway plans or
 * calls anything) and in `onSubscribe` on the WebSocket, from one pure function.
 */
import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isCompositeType,
  isListType,
  type DocumentNode,
  type FieldNode,
  type GraphQLArgument,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Refusal threshold. The web app's most expensive operation (the pharmacy's stock list: 50 drugs
 * with their lots) costs 650 and the README examples at most 250; a page of 50 patients with 20
 * appointments each costs 3,150. A page of 100 such patients (6,300) or two nested pages of 100
 * (over 10,000) are refused.
 */
export const DEFAULT_MAX_OPERATION_COST = 5_000;

/**
 * The largest page: the services cap `first` at 100 (and read 0 as "the default"), so a larger
 * value is charged as 100, and 0, a negative or a missing value with no schema default as 100 too.
 */
export const PAGE_SIZE_CAP = 100;

/**
 * Items charged for a list field without page arguments. Such lists are an entity's own small
 * collections (an invoice's lines and payments, a drug's lots, a ward's beds) or whole small
 * tables (wards); charging them a full page of 100 would price an invoice with its payments and
 * their refunds at 100 × 100 and refuse the finance dashboard, while multiplying by 10 still makes
 * nested lists expensive.
 */
export const PLAIN_LIST_SIZE = 10;

/** Arguments that bound how many items a list or connection field returns. */
const PAGE_ARGUMENTS = ['first', 'last'];

/** Deeper than any valid operation can be (the depth limit is far lower); reached only through fragment cycles. */
const MAX_RECURSION = 64;

/** Fields walked before giving up when the caller sets no `stopAbove`. */
const MAX_WORK = 100_000;

type Variables = Record<string, unknown>;

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  /** Coerced variables; undefined when they do not coerce, and every variable is charged at the cap. */
  variables: Variables | undefined;
  /** Charged fields walked so far; each adds at least 1 to the cost. */
  work: number;
  stopAbove: number;
}

/** Fields of one selection, merged by response key as execution merges them. */
interface FieldGroup {
  parentType: GraphQLCompositeType;
  nodes: FieldNode[];
}

/**
 * Groups the fields selected on one level by response key, expanding fragments. A fragment spread
 * twice on the same level is expanded once, as graphql-js execution does.
 */
function collectFields(walk: Walk, sources: Array<{ selectionSet: SelectionSetNode; type: GraphQLCompositeType }>): Map<string, FieldGroup> {
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

/**
 * The page size one `first`/`last` argument asks for: its literal or variable value, or the
 * schema default when it is not given; null when it has no usable value.
 */
function pageSize(walk: Walk, argument: GraphQLArgument, node: FieldNode): { given: boolean; size: number | null } {
  const given = node.arguments?.find((a) => a.name.value === argument.name)?.value;
  let value: unknown = argument.defaultValue;
  let explicit = given !== undefined;
  if (given?.kind === Kind.INT) value = Number(given.value);
  else if (given?.kind === Kind.VARIABLE) {
    if (!walk.variables) value = undefined;
    else if (given.name.value in walk.variables) value = walk.variables[given.name.value];
    // A variable left out leaves the argument to its schema default, as in execution.
    else explicit = false;
  } else if (given) value = undefined;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return { given: explicit, size: Math.min(value, PAGE_SIZE_CAP) };
  return { given: explicit, size: null };
}

/**
 * How many times a field's selection is produced. Page arguments count: the ones given (the
 * larger of `first` and `last` when both are), else their schema default, and the cap when there
 * is no usable value. A list inside a `…Connection` type is the page its connection field
 * already counted; any other list counts PLAIN_LIST_SIZE.
 */
function multiplier(walk: Walk, parentType: GraphQLCompositeType, definition: GraphQLField<unknown, unknown>, node: FieldNode): number {
  const pages = definition.args.filter((a) => PAGE_ARGUMENTS.includes(a.name)).map((a) => pageSize(walk, a, node));
  if (pages.length > 0) {
    const chosen = pages.some((p) => p.given) ? pages.filter((p) => p.given) : pages.filter((p) => p.size !== null);
    if (chosen.length === 0 || chosen.some((p) => p.size === null)) return PAGE_SIZE_CAP;
    return Math.max(...chosen.map((p) => p.size ?? PAGE_SIZE_CAP));
  }
  if (!isListType(getNullableType(definition.type))) return 1;
  return parentType.name.endsWith('Connection') ? 1 : PLAIN_LIST_SIZE;
}

function selectionCost(walk: Walk, sources: Array<{ selectionSet: SelectionSetNode; type: GraphQLCompositeType }>, depth: number): number {
  if (depth > MAX_RECURSION) return Number.POSITIVE_INFINITY;
  let cost = 0;
  for (const { parentType, nodes } of collectFields(walk, sources).values()) {
    const first = nodes[0]!;
    // Introspection is answered by the router itself and never reaches a subgraph.
    const definition = fieldDefinition(parentType, first.name.value);
    if (!definition) continue;
    const type = getNamedType(definition.type);
    if (!isCompositeType(type)) continue;
    const times = multiplier(walk, parentType, definition, first);
    // Fragments reused on every level can describe millions of fields in a few hundred tokens;
    // each field walked adds at least 1, so past `stopAbove` the verdict is known: stop counting.
    walk.work += 1;
    if (walk.work > walk.stopAbove) return Number.POSITIVE_INFINITY;
    const children = nodes.flatMap((n) => (n.selectionSet ? [{ selectionSet: n.selectionSet, type }] : []));
    cost += times * (1 + selectionCost(walk, children, depth + 1));
    if (!Number.isFinite(cost)) return cost;
  }
  return cost;
}

/**
 * The cost of one operation of a validated document.
 * @param schema - the API schema the document was validated against
 * @param document - the parsed request
 * @param options - which operation (needed when the document has several), the request's
 *   variables, and a cost past which counting may stop (the limit being checked)
 * @returns the cost; Infinity once it passes `stopAbove`; 0 when no operation matches (execution reports that itself)
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: { operation?: OperationDefinitionNode; operationName?: string | null; variables?: Variables | null; stopAbove?: number } = {},
): number {
  const operation = options.operation ?? getOperationAST(document, options.operationName ?? undefined);
  if (!operation) return 0;
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const fragments: Walk['fragments'] = new Map();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  // Coerced as execution will coerce them (defaults applied). When they do not coerce the request
  // fails later anyway; until then every variable is charged at the cap, never at a default.
  const { coerced } = getVariableValues(schema, operation.variableDefinitions ?? [], options.variables ?? {});
  const walk: Walk = { schema, fragments, variables: coerced, work: 0, stopAbove: options.stopAbove ?? MAX_WORK };
  return selectionCost(walk, [{ selectionSet: operation.selectionSet, type: root }], 0);
}

/**
 * The refusal of an operation over the limit (code OPERATION_TOO_COSTLY; HTTP 400 on HTTP).
 * @param cost - the operation's cost
 * @param maxCost - the limit
 */
export function operationTooCostlyError(cost: number, maxCost: number): GraphQLError {
  const shown = Number.isFinite(cost) ? String(cost) : `more than ${maxCost}`;
  return new GraphQLError(
    `The operation is too costly: it costs ${shown} (at most ${maxCost}). Ask for smaller pages (first/last) or fewer nested lists.`,
    { extensions: { code: 'OPERATION_TOO_COSTLY', cost: Number.isFinite(cost) ? cost : null, maxCost } },
  );
}

/**
 * The cost check of one resolved operation, with its variables (called by the auth plugin once
 * access is decided, so a refusal is always reported first and answered as such).
 * @param options - the most an operation may cost
 */
export function operationCostCheck(options: { maxCost: number }): (args: { schema: GraphQLSchema; document: DocumentNode; operation: OperationDefinitionNode; variables: Variables | undefined }) => void {
  return ({ schema, document, operation, variables }) => {
    const cost = operationCost(schema, document, { operation, variables: variables ?? {}, stopAbove: options.maxCost });
    if (cost > options.maxCost) {
      const error = operationTooCostlyError(cost, options.maxCost);
      throw new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
    }
  };
}
