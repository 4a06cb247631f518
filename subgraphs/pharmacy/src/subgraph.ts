/** Builds the pharmacy subgraph from its dependencies (no environment, no port). */
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { PharmacyClient } from '@hospital/grpc-contracts';
import type { Logger } from '@hospital/service-kit';
import { createSubgraphServer, type SubgraphServer } from '@hospital/subgraph-kit';
import { createDrugLoader, createPatientPrescriptionsLoader, createPrescriptionLoader } from './loaders.ts';
import { createResolvers } from './resolvers/index.ts';

/** The SDL this subgraph serves (`schema.graphql`, the public contract). */
export const pharmacyTypeDefs = parse(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

/** What the pharmacy subgraph is built from. */
export interface PharmacySubgraphOptions {
  /** Promise client of the pharmacy gRPC service. */
  client: PharmacyClient;
  /** INTERNAL_SECRET, to verify the router's identity header. */
  internalSecret: string;
  /** Masks internal errors and disables introspection. */
  production: boolean;
  /** Root logger of the process. */
  logger: Logger;
  /** Readiness probe for `/ready`. */
  ready?: () => Promise<boolean>;
}

/**
 * Creates the pharmacy subgraph server (call `listen` to serve it).
 * @param options - client, secret, mode, logger
 */
export function createPharmacySubgraph(options: PharmacySubgraphOptions): SubgraphServer {
  const resolvers = createResolvers({
    client: options.client,
    drugs: createDrugLoader(options.client),
    prescriptions: createPrescriptionLoader(options.client),
    patientPrescriptions: createPatientPrescriptionsLoader(options.client),
  });
  return createSubgraphServer({
    name: 'pharmacy',
    typeDefs: pharmacyTypeDefs,
    resolvers,
    internalSecret: options.internalSecret,
    production: options.production,
    logger: options.logger,
    ...(options.ready ? { ready: options.ready } : {}),
  });
}
