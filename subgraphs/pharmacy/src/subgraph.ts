/** Builds the pharmacy subgraph from its dependencies (no environment, no port). */
import type { PharmacyClient } from '@hospital/grpc-contracts';
import { createDepartmentSubgraph, loadSubgraphTypeDefs, type SubgraphServer, type DepartmentSubgraphBuild } from '@hospital/subgraph-kit';
import { createDrugLoader, createPatientPrescriptionsLoader, createPrescriptionLoader } from './loaders.ts';
import { createResolvers } from './resolvers/index.ts';

/** The SDL this subgraph serves (the kit's prelude + `schema.graphql`, the public contract). */
export const pharmacyTypeDefs = loadSubgraphTypeDefs(new URL('../schema.graphql', import.meta.url));

/** What the pharmacy subgraph is built from: the kit's department build options over its client. */
export type PharmacySubgraphOptions = DepartmentSubgraphBuild<PharmacyClient>;

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
  return createDepartmentSubgraph({ name: 'pharmacy', typeDefs: pharmacyTypeDefs, resolvers }, options);
}
