/** What the clinical resolvers are built from, in a leaf module: the resolver files import it, never resolvers/index.ts. */
import type { ClinicalClient } from '@hospital/grpc-contracts';
import type { DeliveryAudit } from '@hospital/service-kit/grpc';
import type { ClinicalEventFeed } from '../events/clinical-event-feed.ts';
import type { ClinicalLoaders } from '../loaders.ts';

/** What the resolvers call. */
export interface ResolverDeps {
  /** The clinical gRPC client. */
  client: ClinicalClient;
  /** The per-request loader kinds (one gRPC call per kind per request). */
  loaders: ClinicalLoaders;
  /** The process-wide feed of clinical events (subscriptions). */
  events: ClinicalEventFeed;
  /** How often an open subscription's scope is decided again (the kit's SCOPE_RECHECK_MS, 30 s, by default). */
  scopeRecheckMs?: number | undefined;
  /** Records each delivery of an event's clinical values to a subscriber (batched; owned by the caller). */
  deliveryAudit: DeliveryAudit;
  /** INTERNAL_SECRET, to read the client origin the router signed (for those records). */
  internalSecret: string;
}
