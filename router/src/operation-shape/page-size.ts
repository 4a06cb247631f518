/**
 * How many items a list or connection field returns, as the cost (operation-cost.ts) charges it:
 * from its `first`/`last` argument (literal, variable or schema default), capped as the services
 * cap their pages.
 */
import { Kind, getNullableType, isListType, type FieldNode, type GraphQLArgument, type GraphQLCompositeType, type GraphQLField } from 'graphql';

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

/**
 * Lists without page arguments that can return more than PLAIN_LIST_SIZE items, by `Type.field`,
 * charged the most rows their service returns: the pharmacy's stock reports answer up to its
 * REPORT_LIMIT (`grpc-internal/services/pharmacy/src/handlers/stock-reports.schema.ts`) of 500.
 * Change this table with that limit.
 */
export const KNOWN_LIST_MAXIMUMS: Readonly<Record<string, number>> = {
  'Query.lowStock': 500,
  'Query.expiringLots': 500,
};

/** Arguments that bound how many items a list or connection field returns. */
const PAGE_ARGUMENTS = ['first', 'last'];

/** Coerced variables; undefined when they do not coerce, and every variable is charged at the cap. */
export type CoercedVariables = Record<string, unknown> | undefined;

/**
 * The page size one `first`/`last` argument asks for: its literal or variable value, or the
 * schema default when it is not given; null when it has no usable value.
 */
function pageSize(variables: CoercedVariables, argument: GraphQLArgument, node: FieldNode): { given: boolean; size: number | null } {
  const given = node.arguments?.find((a) => a.name.value === argument.name)?.value;
  let value: unknown = argument.defaultValue;
  let explicit = given !== undefined;
  if (given?.kind === Kind.INT) value = Number(given.value);
  else if (given?.kind === Kind.VARIABLE) {
    if (!variables) value = undefined;
    else if (given.name.value in variables) value = variables[given.name.value];
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
 * already counted; a list in KNOWN_LIST_MAXIMUMS counts its maximum; any other list counts
 * PLAIN_LIST_SIZE.
 * @param variables - the request's coerced variables
 * @param parentType - the type the field is selected on
 * @param definition - the field's schema definition
 * @param node - the field as written (its arguments)
 */
export function multiplier(variables: CoercedVariables, parentType: GraphQLCompositeType, definition: GraphQLField<unknown, unknown>, node: FieldNode): number {
  const pages = definition.args.filter((a) => PAGE_ARGUMENTS.includes(a.name)).map((a) => pageSize(variables, a, node));
  if (pages.length > 0) {
    const chosen = pages.some((p) => p.given) ? pages.filter((p) => p.given) : pages.filter((p) => p.size !== null);
    if (chosen.length === 0 || chosen.some((p) => p.size === null)) return PAGE_SIZE_CAP;
    return Math.max(...chosen.map((p) => p.size ?? PAGE_SIZE_CAP));
  }
  if (!isListType(getNullableType(definition.type))) return 1;
  const known = KNOWN_LIST_MAXIMUMS[`${parentType.name}.${definition.name}`];
  if (known !== undefined) return known;
  return parentType.name.endsWith('Connection') ? 1 : PLAIN_LIST_SIZE;
}
