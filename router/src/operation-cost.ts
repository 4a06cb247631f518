/**
 * The cost of an operation: about how many objects the subgraphs may have to produce for it. Each
 * object-typed field costs 1 (scalars and enums cost nothing), and a paginated field multiplies
 * the cost of its selection by its page size, so `patients(first: 100) { edges { node {
 * appointments(first: 100) { … } } } }` costs ten thousand times its innermost selection. Every
 * record carrying patient data costs more, for the audit row reading it writes, so the cost
 * bounds what one request can add to the audit trail. It is counted on the operation as executed:
 * fragments expanded where they are spread, fields merged as execution merges them. The
 * depth/alias limits in operation-limits.ts cannot see that: a three-level query can be cheap or
 * ruinous depending on its `first` arguments.
 *
 * Where it runs: a graphql-js validation rule never sees the variables, so a rule would have to
 * charge every `first: $n` at the cap, refusing ordinary dashboards that page with variables. The
 * cost is therefore computed once the operation is resolved and the variables are known: in an
 * Apollo Server `didResolveOperation` hook on HTTP (after validation, before the gateway plans or
 * calls anything) and in `onSubscribe` on the WebSocket, from one pure function.
 */
import { GraphQLError, getOperationAST, getVariableValues, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { selectionCost, type Walk } from './operation-shape/cost-walk.ts';
import { patientRecordTypes } from './operation-shape/patient-records.ts';
import { ShapeMeter, fragmentsOf } from './operation-shape/shape.ts';

export { AUDIT_ROW_COST } from './operation-shape/cost-walk.ts';
export { PAGE_SIZE_CAP, PLAIN_LIST_SIZE } from './operation-shape/page-size.ts';

/**
 * Refusal threshold. Every object costs 1 and every patient record 4 more for its audit row
 * (AUDIT_ROW_COST). The web app's most expensive safelisted operation (the doctor's day: a page
 * of appointments with their patients, its page variable charged at the cap of 100) costs 1,200
 * (operation-shape/safelist.test.ts checks them all); a page of 50 patients with 20
 * appointments each costs 5,350. Twelve aliases of a 100-patient search (1,200 audit rows,
 * 8,400) or two nested pages of 100 (over 10,000) are refused.
 */
export const DEFAULT_MAX_OPERATION_COST = 5_000;

/** Fields walked before giving up when the caller sets no `stopAbove`. */
const MAX_WORK = 100_000;

/**
 * Fields of the operation with its fragments expanded (measured without expanding: shape.ts)
 * past which it is refused unwalked. The walk visits at most this many fields, scalars included,
 * so a small fragment of many scalars spread under many fields cannot make pricing slow; the
 * document budget (operation-limits.ts) refuses far smaller expansions before this.
 */
const MAX_EXPANDED_FIELDS = 20_000;

type Variables = Record<string, unknown>;

/**
 * The cost of one operation of a validated document.
 * @param schema - the API schema the document was validated against
 * @param document - the parsed request
 * @param options - which operation (needed when the document has several), the request's
 *   variables (or, already coerced by admission, `coercedVariables`: not coerced again), and a
 *   cost past which counting may stop (the limit being checked)
 * @returns the cost; Infinity once it passes `stopAbove`; 0 when no operation matches (execution reports that itself)
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: { operation?: OperationDefinitionNode; operationName?: string | null; variables?: Variables | null; coercedVariables?: Variables; stopAbove?: number } = {},
): number {
  const operation = options.operation ?? getOperationAST(document, options.operationName ?? undefined);
  if (!operation) return 0;
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const fragments = fragmentsOf(document);
  if (new ShapeMeter(fragments).selectionSet(operation.selectionSet).fields > MAX_EXPANDED_FIELDS) return Number.POSITIVE_INFINITY;
  // Coerced as execution will coerce them (defaults applied). When they do not coerce the request
  // fails later anyway; until then every variable is charged at the cap, never at a default.
  const coerced = options.coercedVariables ?? getVariableValues(schema, operation.variableDefinitions ?? [], options.variables ?? {}).coerced;
  const walk: Walk = { schema, fragments, variables: coerced, patientRecords: patientRecordTypes(schema), work: 0, stopAbove: options.stopAbove ?? MAX_WORK };
  return selectionCost(walk, [{ selectionSet: operation.selectionSet, type: root }], 0);
}

/**
 * The refusal of an operation over the limit (code OPERATION_TOO_COSTLY; HTTP 400 on HTTP).
 * @param cost - the operation's cost
 * @param maxCost - the limit
 */
export function operationTooCostlyError(cost: number, maxCost: number): GraphQLError {
  const shown = Number.isFinite(cost) ? String(cost) : `more than ${maxCost}`;
  return new GraphQLError(`The operation is too costly: it costs ${shown} (at most ${maxCost}). Ask for smaller pages (first/last) or fewer nested lists.`, {
    extensions: { code: 'OPERATION_TOO_COSTLY', cost: Number.isFinite(cost) ? cost : null, maxCost },
  });
}
