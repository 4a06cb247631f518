/** Builds the patients subgraph from its dependencies (no environment, no port). */
import type { PatientsClient } from '@hospital/grpc-contracts';
import { DEFAULT_FHIR_IDENTIFIER_SYSTEM } from '@hospital/grpc-contracts/fhir';
import { createDepartmentSubgraph, loadSubgraphTypeDefs, type SubgraphServer, type DepartmentSubgraphBuild } from '@hospital/subgraph-kit';
import { createAllergyHistoryLoader, createPatientLoader } from './loaders.ts';
import { createResolvers } from './resolvers/index.ts';

/** The SDL this subgraph serves (the kit's prelude + `schema.graphql`, the public contract). */
export const patientsTypeDefs = loadSubgraphTypeDefs(new URL('../schema.graphql', import.meta.url));

/** What the patients subgraph is built from: the kit's department build options over its client, and the MRN system of `Patient.fhir`. */
export type PatientsSubgraphOptions = DepartmentSubgraphBuild<PatientsClient> & { fhirIdentifierSystem?: string | undefined };

/**
 * Creates the patients subgraph server (call `listen` to serve it).
 * @param options - client, secret, mode, logger
 */
export function createPatientsSubgraph(options: PatientsSubgraphOptions): SubgraphServer {
  const resolvers = createResolvers({
    client: options.client,
    patients: createPatientLoader(options.client),
    allergyHistories: createAllergyHistoryLoader(options.client),
    fhir: { identifierSystem: options.fhirIdentifierSystem ?? DEFAULT_FHIR_IDENTIFIER_SYSTEM },
  });
  return createDepartmentSubgraph({ name: 'patients', typeDefs: patientsTypeDefs, resolvers }, options);
}
