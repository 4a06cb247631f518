/**
 * Resolving one event's fields owned by other subgraphs: the plan's `rest` runs through the
 * gateway's own `executeQueryPlan`, seeded with the event as if the primary fetch had returned it.
 * The subgraph fetches go through counting wrappers, which also note the patients whose records
 * were fetched (the `Patient` entities asked for), so the fan-out knows whom to audit.
 */
import { type buildOperationContext, executeQueryPlan, type ServiceMap } from '@apollo/gateway';
import type { FetchNode, PlanNode, QueryPlan } from '@apollo/query-planner';
import { GraphQLError, type DocumentNode, type ExecutionResult, type FormattedExecutionResult, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Logger } from '@hospital/service-kit';
import type { RouterContext } from '../context.ts';
import type { SubscriptionPlanner } from './subscription-plan.ts';

/** The gateway's prepared operation (its type is not exported by name). */
export type OperationContext = ReturnType<typeof buildOperationContext>;

/** Name of the synthetic service that hands the event to executeQueryPlan. */
const EVENT_SERVICE = '__subscription_event__';

/** The entity type whose fetch is a read of patient data (audited per reader). */
export const PATIENT_TYPENAME = 'Patient';

/** Fetches per subgraph and resolutions, since start (tests and the benchmark). */
export interface FanoutCounters {
  resolutions: number;
  fetches: Record<string, number>;
}

/** One prepared selection: what every event of a cohort is resolved with. */
export interface PreparedSelection {
  primary: FetchNode;
  rest: PlanNode;
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  source: string;
  schema: GraphQLSchema;
  operationContext: OperationContext;
}

/** The outcome of one resolution. */
export interface Resolved {
  result: FormattedExecutionResult;
  /** Patients whose records were fetched (lower-case ids). */
  patientIds: string[];
}

/**
 * Upstream events arrive as JSON, their errors as plain objects, and a resolution's errors may be
 * whatever a failed fetch threw (the gateway keeps a subgraph's connection error as it is); graphql-ws
 * sends a result's errors through `toJSON()`, so they are rebuilt as GraphQLErrors (message, path,
 * code kept; a thrown error becomes the original error, for the router's formatter to classify).
 * @param event - one upstream result, or one resolution's
 */
export function reviveErrors(event: FormattedExecutionResult | ExecutionResult): ExecutionResult {
  if (!event.errors) return event as ExecutionResult;
  return { ...event, errors: (event.errors as readonly unknown[]).map(reviveError) };
}

function reviveError(error: unknown): GraphQLError {
  if (error instanceof GraphQLError) return error;
  if (error instanceof Error) return new GraphQLError(error.message, { originalError: error });
  const formatted = error as GraphQLFormattedError;
  return new GraphQLError(String(formatted.message), { path: formatted.path, extensions: formatted.extensions });
}

/** Patient ids among the entity representations a fetch sends. */
function patientsAsked(variables: Record<string, unknown> | undefined): string[] {
  const representations = variables?.['representations'];
  if (!Array.isArray(representations)) return [];
  const ids: string[] = [];
  for (const entity of representations as Array<Record<string, unknown> | null>) {
    if (entity?.['__typename'] === PATIENT_TYPENAME && typeof entity['id'] === 'string') ids.push(entity['id'].toLowerCase());
  }
  return ids;
}

/**
 * Resolves one event for one selection, as one caller.
 * @param deps - the planner's schemas, the data sources, the logger, the counters
 * @param selection - the prepared selection
 * @param event - the upstream event
 * @param context - the context the fetches are signed with (the representative's, with the event's request id)
 */
export async function resolveEvent(
  deps: { planner: SubscriptionPlanner; dataSources: ServiceMap; logger: Logger; counters: FanoutCounters },
  selection: PreparedSelection,
  event: FormattedExecutionResult,
  context: RouterContext,
): Promise<Resolved> {
  const patientIds = new Set<string>();
  const serviceMap: ServiceMap = { [EVENT_SERVICE]: { process: async () => event } };
  for (const [name, source] of Object.entries(deps.dataSources)) {
    serviceMap[name] = {
      process: (options) => {
        deps.counters.fetches[name] = (deps.counters.fetches[name] ?? 0) + 1;
        for (const id of patientsAsked(options.request.variables)) patientIds.add(id);
        return source.process(options);
      },
    };
  }
  deps.counters.resolutions += 1;
  const plan: QueryPlan = { kind: 'QueryPlan', node: { kind: 'Sequence', nodes: [{ ...selection.primary, serviceName: EVENT_SERVICE }, selection.rest] } };
  // executeQueryPlan reads only request.variables, context, logger and metrics from this.
  const requestContext = {
    request: { query: selection.source, variables: selection.variables, operationName: selection.operationName },
    document: selection.document,
    operationName: selection.operationName ?? null,
    source: selection.source,
    schema: selection.schema,
    context,
    logger: deps.logger,
    metrics: {},
    overallCachePolicy: {},
  } as unknown as Parameters<typeof executeQueryPlan>[2];
  const result = await executeQueryPlan(plan, serviceMap, requestContext, selection.operationContext, deps.planner.supergraphSchema, deps.planner.apiSchema);
  return { result: result as FormattedExecutionResult, patientIds: [...patientIds] };
}

/**
 * The subgraphs a plan node fetches from.
 * @param node - a plan node (the `rest` of a subscription plan)
 */
export function subgraphsOf(node: PlanNode | undefined, into = new Set<string>()): Set<string> {
  if (!node) return into;
  switch (node.kind) {
    case 'Fetch':
      into.add(node.serviceName);
      break;
    case 'Sequence':
    case 'Parallel':
      for (const child of node.nodes) subgraphsOf(child, into);
      break;
    case 'Flatten':
      subgraphsOf(node.node, into);
      break;
    case 'Defer':
      subgraphsOf(node.primary.node, into);
      for (const deferred of node.deferred) subgraphsOf(deferred.node, into);
      break;
    case 'Condition':
      subgraphsOf(node.ifClause, into);
      subgraphsOf(node.elseClause, into);
      break;
  }
  return into;
}
