/**
 * Executes federated subscriptions, fanned out. Subscribers are grouped twice:
 * - a group shares one upstream stream: same subgraph operation, same variables, same access
 *   scope for the owning subgraph (access-scope.ts); it opens with its first subscriber's
 *   identity and closes with its last subscriber;
 * - within a group, a cohort shares one resolution of each event: same document, operation and
 *   variables, same access scope for every subgraph the plan reaches.
 * Each event's fields owned by other subgraphs are therefore resolved once per distinct
 * (selection, scope), as the cohort's first subscriber (the representative), and every other
 * reader of patient data is audited in one batched call (service kit delivery-audit.ts) before anyone of the
 * cohort receives it. Each subscriber reads from a bounded queue of its own (delivery-queue.ts):
 * a slow one is cut off and never holds the others back.
 */
import { randomUUID } from 'node:crypto';
import { buildOperationContext, type ServiceMap } from '@apollo/gateway';
import { GraphQLError, print, type DocumentNode, type ExecutionResult, type FormattedExecutionResult, type GraphQLSchema } from 'graphql';
import type { Logger } from '@hospital/service-kit';
import type { RouterContext } from '../context.ts';
import { timedDeliveries } from '../metrics-delivery.ts';
import { accessScopeOf } from './access-scope.ts';
import type { DeliveryAudit } from '@hospital/service-kit/grpc';
import { DeliveryQueue } from './delivery-queue.ts';
import { deliverEvent, type Cohort, type Member } from './fanout-delivery.ts';
import { subgraphsOf, type FanoutCounters } from './event-resolution.ts';
import type { SubscriptionPlanner } from './subscription-plan.ts';
import { toWebSocketUrl, type UpstreamPool } from './upstream.ts';

/** Events one subscriber may have waiting before it is cut off (10 s of a busy board at 10/s, doubled). */
export const MAX_QUEUED_EVENTS = 200;

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
  /** Records readers of shared resolutions; without it, patient data is resolved per subscriber. */
  deliveryAudit?: DeliveryAudit;
  /** Waiting events per subscriber before it is cut off ({@link MAX_QUEUED_EVENTS}). */
  maxQueuedEvents?: number;
  logger: Logger;
}

/** One subscription to execute. */
export interface SubscribeArgs {
  document: DocumentNode;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  context: RouterContext;
  /** Closes the subscriber's connection when it falls too far behind (a close code, never a silent gap). */
  onTooSlow?: () => void;
}

/** Subscribers sharing one upstream stream. */
interface Group {
  key: string;
  cohorts: Map<string, Cohort>;
  upstream: AsyncIterator<FormattedExecutionResult>;
  primaryService: string;
}

/**
 * Creates the executor; it also exposes its counters.
 * @param deps - planner, pool, data sources, URLs, schema, audit, logger
 */
export function createFederatedSubscribe(deps: FederatedSubscribeDeps) {
  const groups = new Map<string, Group>();
  const counters: FanoutCounters = { resolutions: 0, fetches: {} };
  const maxQueued = deps.maxQueuedEvents ?? MAX_QUEUED_EVENTS;
  const resolution = { planner: deps.planner, dataSources: deps.dataSources, logger: deps.logger, counters, audit: deps.deliveryAudit };

  const leave = (group: Group, cohort: Cohort, member: Member) => {
    cohort.members.delete(member);
    if (cohort.members.size === 0 && group.cohorts.get(cohort.key) === cohort) group.cohorts.delete(cohort.key);
    if (group.cohorts.size === 0 && groups.get(group.key) === group) {
      groups.delete(group.key);
      void group.upstream.return?.();
    }
  };

  const pump = async (group: Group) => {
    try {
      for (;;) {
        const { value, done } = await group.upstream.next();
        if (done) break;
        deliverEvent(resolution, group.cohorts.values(), value, randomUUID());
      }
      for (const cohort of group.cohorts.values()) for (const member of cohort.members) member.queue.end();
    } catch (error) {
      // graphql-ws rejects with the socket's close event when the subgraph goes away (restart,
      // crash): end the subscriptions with an error the client can act on, not "[object Object]".
      deps.logger.warn({ subgraph: group.primaryService, code: (error as { code?: unknown })?.code }, 'upstream subscription ended');
      for (const cohort of group.cohorts.values()) {
        for (const member of cohort.members) {
          member.queue.end(
            new GraphQLError('The subscription ended because its source became unavailable; subscribe again.', {
              extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1, requestId: member.context.requestId },
            }),
          );
        }
      }
    } finally {
      if (groups.get(group.key) === group) groups.delete(group.key);
    }
  };

  /**
   * The subscription's results: a queue of this subscriber's own, fed by its group.
   * @param args - the admitted subscription
   */
  function subscribe(args: SubscribeArgs): AsyncIterableIterator<ExecutionResult | FormattedExecutionResult> {
    try {
      return timedDeliveries(join(args), args.document, args.operationName);
    } catch (error) {
      // As from a stream: graphql-ws sends the error to this subscriber only.
      const failed = new DeliveryQueue<ExecutionResult>(1, () => {});
      failed.end(error);
      return failed;
    }
  }

  function join(args: SubscribeArgs): AsyncIterableIterator<ExecutionResult | FormattedExecutionResult> {
    const { primary, rest } = deps.planner.plan(args.document, args.operationName);
    const httpUrl = deps.subgraphUrls.get(primary.serviceName);
    if (!httpUrl) throw new Error(`No URL for subgraph ${primary.serviceName}`);
    const caller = args.context.caller;
    const upstreamVariables = Object.fromEntries((primary.variableUsages ?? []).map((name) => [name, args.variables[name]]));
    const groupKey = [primary.serviceName, primary.operation, JSON.stringify(upstreamVariables), accessScopeOf(caller, [primary.serviceName])].join('\n');
    const source = print(args.document);
    const cohortKey = [args.operationName ?? '', source, JSON.stringify(args.variables), accessScopeOf(caller, subgraphsOf(rest, new Set([primary.serviceName])))].join('\n');

    let group = groups.get(groupKey);
    const opening = !group;
    if (!group) {
      const upstream = deps.pool
        .subscribe(toWebSocketUrl(httpUrl), caller, {
          query: primary.operation,
          // Undefined for an unnamed operation; the frame is JSON, which leaves it out.
          operationName: primary.operationName,
          variables: upstreamVariables,
        })
        [Symbol.asyncIterator]();
      group = { key: groupKey, cohorts: new Map(), upstream, primaryService: primary.serviceName };
      groups.set(groupKey, group);
    }
    let cohort = group.cohorts.get(cohortKey);
    if (!cohort) {
      const schema = deps.apiSchema();
      cohort = {
        key: cohortKey,
        members: new Set(),
        selection: rest
          ? {
              primary,
              rest,
              document: args.document,
              operationName: args.operationName,
              variables: args.variables,
              source,
              schema,
              operationContext: buildOperationContext({ schema, operationDocument: args.document, operationName: args.operationName }),
            }
          : undefined,
      };
      group.cohorts.set(cohortKey, cohort);
    }
    const joined = { group, cohort };
    const member: Member = {
      context: args.context,
      queue: new DeliveryQueue<ExecutionResult | FormattedExecutionResult>(
        maxQueued,
        () => leave(joined.group, joined.cohort, member),
        () => {
          deps.logger.warn({ requestId: args.context.requestId, maxQueued }, 'subscriber fell too far behind; connection closed');
          args.onTooSlow?.();
        },
      ),
    };
    cohort.members.add(member);
    if (opening) void pump(group);
    return member.queue;
  }

  return {
    subscribe,
    /** Open upstream streams (one per group). */
    upstreamCount: () => groups.size,
    counters,
  };
}
