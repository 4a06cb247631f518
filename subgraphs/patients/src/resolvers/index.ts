/** The patients subgraph's resolver map, checked against the generated `Resolvers` type. */
import { DateScalar, DateTimeScalar, JsonScalar } from '@hospital/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { createMutationResolvers } from './Mutation.ts';
import { createPatientResolvers } from './Patient.ts';
import { createQueryResolvers } from './Query.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Builds the resolver map.
 * @param deps - client and loader keys
 */
export function createResolvers(deps: ResolverDeps): Resolvers {
  const { Query, PatientConnection } = createQueryResolvers(deps);
  return {
    Date: DateScalar,
    DateTime: DateTimeScalar,
    JSON: JsonScalar,
    Query,
    PatientConnection,
    Mutation: createMutationResolvers(deps),
    Patient: createPatientResolvers(deps),
  };
}
