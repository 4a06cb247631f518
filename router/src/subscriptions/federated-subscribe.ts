/**
 * Executes a federated subscription: `primary` streams from the owning subgraph over graphql-ws
 * (shared between identical subscriptions), and for every event `rest` runs through the gateway's
 * own `executeQueryPlan`, seeded with the event as if the primary fetch had returned it.
 */
import { buildOperationContext, executeQueryPlan, type ServiceMap } from '@apollo/gateway';
import type { QueryPlan } from '@apollo/query-planner';
import { GraphQLError, print, type DocumentNode, type ExecutionResult, type FormattedExecutionResult, type GraphQLSchema } from 'graphql';
import type { Logger } from '@hospital/service-kit';
import type { RouterContext } from '../context.ts';
import { StreamSharer } from './shared-stream.ts';
import type { SubscriptionPlanner } from './subscription-plan.ts';
import { callerKey, toWebSocketUrl, type UpstreamPool } from './upstream.ts';

/** Name of the synthetic service that hands the event to executeQueryPlan. */
const EVENT_SERVICE = '__subscription_event__';

/**
 * Upstream events arrive as JSON, their errors as plain objects; graphql-ws sends a result's
 * errors through `toJSON()`, so they are rebuilt as GraphQLErrors (message, path, code kept).
 * @param event - one upstream result
 */
function reviveErrors(event: FormattedExecutionResult): ExecutionResult {
  if (!event.errors) return event as ExecutionResult;
  return { ...event, errors: event.errors.map((e) => new GraphQLError(e.message, { path: e.path, extensions: e.extensions })) } as ExecutionResult;
}

/** What the executor needs. */
export interface FederatedSubscribeDeps {
  planner: SubscriptionPlanner;
  pool: UpstreamPool;
  /** HTTP data sources by subgraph name (the same signed-identity sources the gateway uses). */
  dataSources: ServiceMap;
  /** Subgraph HTTP URLs by name; the WebSocket URL is derived from it. */
  subgraphUrls: Map<string, string>;
  /** The gateway's API schema (graphql-js), once loaded. */
  apiSchema: () => GraphQLSchema;
  logger: Logger;
}

/** One subscription to execute. */
export interface SubscribeArgs {
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  context: RouterContext;
}

/**
 * Creates the executor; it also exposes how many upstream streams are open.
 * @param deps - planner, pool, data sources, URLs, schema, logger
 */
export function createFederatedSubscribe(deps: FederatedSubscribeDeps) {
  const sharer = new StreamSharer<FormattedExecutionResult>();

  /**
   * The subscription's results. An async generator's return() waits until its pending await
   * settles, which for a quiet stream is never: the upstream would stay open after the client
   * completed or disconnected. So return() first ends the shared-stream queue being awaited.
   */
  function subscribe(args: SubscribeArgs): AsyncIterableIterator<ExecutionResult | FormattedExecutionResult> {
    const opened: { events?: AsyncIterableIterator<FormattedExecutionResult> } = {};
    const results = run(args, opened);
    return {
      next: () => results.next(),
      return: async () => {
        await opened.events?.return?.();
        return results.return(undefined);
      },
      throw: (error: unknown) => results.throw(error),
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }

  async function* run(args: SubscribeArgs, opened: { events?: AsyncIterableIterator<FormattedExecutionResult> }): AsyncGenerator<ExecutionResult | FormattedExecutionResult> {
    const { primary, rest } = deps.planner.plan(args.document, args.operationName);
    const httpUrl = deps.subgraphUrls.get(primary.serviceName);
    if (!httpUrl) throw new Error(`No URL for subgraph ${primary.serviceName}`);
    const variables = Object.fromEntries((primary.variableUsages ?? []).map((name) => [name, args.variables[name]]));
    const key = [primary.serviceName, primary.operation, JSON.stringify(variables), callerKey(args.context.caller)].join('\n');
    const events = sharer.join(key, () =>
      deps.pool.subscribe(toWebSocketUrl(httpUrl), args.context.caller, {
        query: primary.operation,
        ...(primary.operationName ? { operationName: primary.operationName } : {}),
        variables,
      }),
    );
    opened.events = events;
    const schema = deps.apiSchema();
    const operationContext = buildOperationContext({ schema, operationDocument: args.document, operationName: args.operationName });
    const source = print(args.document);
    try {
      for await (const event of events) {
        if (!rest) {
          yield reviveErrors(event);
          continue;
        }
        const plan: QueryPlan = { kind: 'QueryPlan', node: { kind: 'Sequence', nodes: [{ ...primary, serviceName: EVENT_SERVICE }, rest] } };
        const serviceMap: ServiceMap = { ...deps.dataSources, [EVENT_SERVICE]: { process: async () => event as never } };
        // executeQueryPlan reads only request.variables, context, logger and metrics from this.
        const requestContext = {
          request: { query: source, variables: args.variables, operationName: args.operationName },
          document: args.document,
          operationName: args.operationName ?? null,
          source,
          schema,
          context: args.context,
          logger: deps.logger,
          metrics: {},
          overallCachePolicy: {},
        } as unknown as Parameters<typeof executeQueryPlan>[2];
        const result = await executeQueryPlan(plan, serviceMap, requestContext, operationContext, deps.planner.supergraphSchema, deps.planner.apiSchema);
        yield result as FormattedExecutionResult;
      }
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      // graphql-ws rejects with the socket's close event when the subgraph goes away (restart,
      // crash): end the subscription with an error the client can act on, not "[object Object]".
      deps.logger.warn({ subgraph: primary.serviceName, requestId: args.context.requestId, code: (error as { code?: unknown })?.code }, 'upstream subscription ended');
      throw new GraphQLError('The subscription ended because its source became unavailable; subscribe again.', {
        extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: args.context.requestId },
      });
    } finally {
      await events.return?.();
    }
  }

  return { subscribe, upstreamCount: () => sharer.upstreamCount };
}
