/** The patients subgraph's config and dependency types, in a leaf module that env.ts and index.ts import (index.ts re-exports env.ts, so env.ts must not import it). */
import type { Logger } from '@hospital/service-kit';
import type { PatientsClient } from '@hospital/grpc-contracts';

/** What the patients subgraph needs to run. */
export interface PatientsSubgraphConfig {
  /** HTTP port; 0 picks a free one. */
  port: number;
  /** Interface to bind (127.0.0.1 by default). */
  host?: string;
  /** host:port of the patients gRPC service. */
  patientsTarget: string;
  /** INTERNAL_SECRET shared with the router and services. */
  internalSecret: string;
  /** Masks internal errors and disables introspection. */
  production: boolean;
  /** Deadline per gRPC call, in milliseconds (5000 by default). */
  grpcDeadlineMs?: number;
  /** System URI of our MRNs in `Patient.fhir` (FHIR_IDENTIFIER_SYSTEM, as the router's facade; `urn:hospital-system:mrn` by default). */
  fhirIdentifierSystem?: string | undefined;
}

/** Dependencies; `client` replaces the one built from `patientsTarget` (tests wrap it to count calls). */
export interface PatientsSubgraphDeps {
  /** Root logger of the process. */
  logger: Logger;
  /** The gRPC client to use instead of one built from the config (left open on close). */
  client?: PatientsClient;
}
