/** The patients subgraph's resolver map, checked against the generated `Resolvers` type. */
import type { PatientsClient, Patient__Output } from '@hospital/grpc-contracts';
import type { AllergyHistoryKey, AllergyHistoryPage } from '../loaders.ts';
import { DateScalar, DateTimeScalar, type LoaderKey } from '@hospital/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { createMutationResolvers } from './Mutation.ts';
import { createPatientResolvers } from './Patient.ts';
import { createQueryResolvers } from './Query.ts';

/** What the resolvers call. */
export interface ResolverDeps {
  /** The patients gRPC client. */
  client: PatientsClient;
  /** The per-request patients loader (one GetPatients call per request). */
  patients: LoaderKey<string, Patient__Output>;
  /** The per-request allergy history loader (GetAllergyHistories calls of up to five patients). */
  allergyHistories: LoaderKey<AllergyHistoryKey, AllergyHistoryPage>;
}

/**
 * Builds the resolver map.
 * @param deps - client and loader keys
 */
export function createResolvers(deps: ResolverDeps): Resolvers {
  return {
    Date: DateScalar,
    DateTime: DateTimeScalar,
    Query: createQueryResolvers(deps),
    Mutation: createMutationResolvers(deps),
    Patient: createPatientResolvers(deps),
  };
}
