/** Builds the patients subgraph from its dependencies (no environment, no port). */
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { PatientsClient } from '@hospital/grpc-contracts';
import type { Logger } from '@hospital/service-kit';
import { createSubgraphServer, type SubgraphServer } from '@hospital/subgraph-kit';
import { createAllergyHistoryLoader, createPatientLoader } from './loaders.ts';
import { createResolvers } from './resolvers/index.ts';

/** The SDL this subgraph serves (`schema.graphql`, the public contract). */
export const patientsTypeDefs = parse(readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8'));

/** What the patients subgraph is built from. */
export interface PatientsSubgraphOptions {
  /** Promise client of the patients gRPC service. */
  client: PatientsClient;
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
 * Creates the patients subgraph server (call `listen` to serve it).
 * @param options - client, secret, mode, logger
 */
export function createPatientsSubgraph(options: PatientsSubgraphOptions): SubgraphServer {
  const resolvers = createResolvers({
    client: options.client,
    patients: createPatientLoader(options.client),
    allergyHistories: createAllergyHistoryLoader(options.client),
  });
  return createSubgraphServer({
    name: 'patients',
    typeDefs: patientsTypeDefs,
    resolvers,
    internalSecret: options.internalSecret,
    production: options.production,
    logger: options.logger,
    ...(options.ready ? { ready: options.ready } : {}),
  });
}
