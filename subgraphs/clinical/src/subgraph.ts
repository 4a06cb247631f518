/** Builds the clinical subgraph from its dependencies (no environment, no port). */
import type { ClinicalClient } from '@hospital/grpc-contracts';
import type { DeliveryAudit } from '@hospital/service-kit/grpc';
import { createDepartmentSubgraph, loadSubgraphTypeDefs, type SubgraphServer, type DepartmentSubgraphBuild } from '@hospital/subgraph-kit';
import type { ClinicalEventFeed } from './events/clinical-event-feed.ts';
import { createClinicalLoaders } from './loaders.ts';
import { createResolvers } from './resolvers/index.ts';

/** The SDL this subgraph serves (the kit's prelude + `schema.graphql`, the public contract). */
export const clinicalTypeDefs = loadSubgraphTypeDefs(new URL('../schema.graphql', import.meta.url));

/** What the clinical subgraph is built from: the kit's department build options over its client, and the event feed. */
export type ClinicalSubgraphOptions = DepartmentSubgraphBuild<ClinicalClient> & {
  /** Feeds the subscriptions (owned by the caller). */
  events: ClinicalEventFeed;
  /** How often an open subscription's scope (followable wards, a patient's record) is decided again. */
  scopeRecheckMs?: number | undefined;
  /** Records each delivery of an event to a subscriber in the audit trail (owned by the caller). */
  deliveryAudit: DeliveryAudit;
};

/**
 * Creates the clinical subgraph server (call `listen` to serve it).
 * @param options - client, event feed, delivery audit, secret, mode, logger
 */
export function createClinicalSubgraph(options: ClinicalSubgraphOptions): SubgraphServer {
  const resolvers = createResolvers({
    client: options.client,
    loaders: createClinicalLoaders(options.client),
    events: options.events,
    scopeRecheckMs: options.scopeRecheckMs,
    deliveryAudit: options.deliveryAudit,
    internalSecret: options.internalSecret,
  });
  return createDepartmentSubgraph({ name: 'clinical', typeDefs: clinicalTypeDefs, resolvers }, options);
}
