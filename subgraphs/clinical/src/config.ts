/** The clinical subgraph's config and dependency types, in a leaf module that env.ts and index.ts import (index.ts re-exports env.ts, so env.ts must not import it). */
import type { Logger } from '@hospital/service-kit';
import type { ClinicalClient } from '@hospital/grpc-contracts';
import type { DeliveryAudit } from '@hospital/service-kit/grpc';

/** What the clinical subgraph needs to run. */
export interface ClinicalSubgraphConfig {
  /** HTTP port; 0 picks a free one. */
  port: number;
  /** Interface to bind (127.0.0.1 by default). */
  host?: string;
  /** host:port of the clinical gRPC service. */
  clinicalTarget: string;
  /** host:port of the identity gRPC service: the audit service, where each delivery of an event to a subscriber is recorded. */
  identityTarget: string;
  /** INTERNAL_SECRET shared with the router and services. */
  internalSecret: string;
  /** Masks internal errors and disables introspection. */
  production: boolean;
  /** Deadline per gRPC call, in milliseconds (5000 by default). */
  grpcDeadlineMs?: number;
  /** Kafka brokers (host:port). Set: subscriptions read `clinicalTopic` in a consumer group of this replica. Unset: they receive nothing. */
  kafkaBrokers?: string[];
  /** Topic of clinical events (`clinical` by default). */
  clinicalTopic?: string;
  /** How often an open subscription's scope is decided again, in milliseconds (30 000 by default; tests shorten it). */
  scopeRecheckMs?: number;
}

/** Dependencies; `client` replaces the one built from `clinicalTarget` (tests wrap it to count calls). */
export interface ClinicalSubgraphDeps {
  /** Root logger of the process. */
  logger: Logger;
  /** The gRPC client to use instead of one built from the config (left open on close). */
  client?: ClinicalClient;
  /** The reporter of deliveries to use instead of one built from `identityTarget` (left open on close). */
  deliveryAudit?: DeliveryAudit;
}
