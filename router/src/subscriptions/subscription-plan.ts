/**
 * Planning subscriptions. `@apollo/gateway` cannot execute them, but its query planner produces
 * `Subscription { primary, rest }` plans: `primary` is the subscription on the owning subgraph,
 * `rest` the entity fetches to other subgraphs, to run once per event.
 */
import { operationFromDocument, ROUTER_SUPPORTED_SUPERGRAPH_FEATURES, Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode } from '@apollo/query-planner';
import { print, type DocumentNode, type GraphQLSchema } from 'graphql';

/** The two halves of a subscription plan. */
export interface SubscriptionPlan {
  /** The subscription sent to the owning subgraph. */
  primary: FetchNode;
  /** What to run per event to fill fields owned by other subgraphs (absent when none). */
  rest?: PlanNode;
}

/** Plans subscriptions over one supergraph, caching by document and operation name. */
export class SubscriptionPlanner {
  private readonly planner: QueryPlanner;
  /** The API schema in federation-internals' form (what executeQueryPlan wants). */
  readonly apiSchema: Schema;
  /** The supergraph as a graphql-js schema (what executeQueryPlan wants). */
  readonly supergraphSchema: GraphQLSchema;
  private readonly cache = new Map<string, SubscriptionPlan>();

  /** @param supergraphSdl - the composed supergraph */
  constructor(supergraphSdl: string) {
    const supergraph = Supergraph.build(supergraphSdl, { supportedFeatures: ROUTER_SUPPORTED_SUPERGRAPH_FEATURES });
    this.planner = new QueryPlanner(supergraph);
    this.apiSchema = supergraph.apiSchema();
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
  }

  /**
   * The plan of a validated subscription document.
   * @param document - the client's document
   * @param operationName - which operation, when the document has several
   */
  plan(document: DocumentNode, operationName: string | undefined): SubscriptionPlan {
    const key = `${operationName ?? ''}\n${print(document)}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const operation = operationFromDocument(this.apiSchema, document, operationName ? { operationName } : {});
    const plan = this.planner.buildQueryPlan(operation);
    const node = plan.node;
    let result: SubscriptionPlan;
    if (node?.kind === 'Subscription') result = node.rest ? { primary: node.primary, rest: node.rest } : { primary: node.primary };
    else if (node?.kind === 'Fetch' && node.operationKind === 'subscription') result = { primary: node };
    else throw new Error('not a subscription plan');
    // Bounded: documents come from clients, and a safelist is not enforced yet.
    if (this.cache.size > 1_000) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }
}
