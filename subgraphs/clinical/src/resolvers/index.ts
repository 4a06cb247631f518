/** The clinical subgraph's resolver map, checked against the generated `Resolvers` type. */
import { DateScalar, DateTimeScalar } from '@hospital/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { createClinicalNoteResolvers, createEncounterResolvers } from './Encounter.ts';
import { createMutationResolvers } from './Mutation.ts';
import { createPatientResolvers } from './Patient.ts';
import { createQueryResolvers } from './Query.ts';
import { createVitalSignsResolvers } from './VitalSigns.ts';
import { createProblemResolvers } from './Problem.ts';
import { createLabOrderResolvers, createLabResultResolvers, createLabTestResolvers } from './LabOrder.ts';
import { createLabResultEventResolvers, createSubscriptionResolvers, createWardVitalsEventResolvers } from './Subscription.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Builds the resolver map.
 * @param deps - client, loader kinds and the event feed
 */
export function createResolvers(deps: ResolverDeps): Resolvers {
  return {
    DateTime: DateTimeScalar,
    Date: DateScalar,
    Query: createQueryResolvers(deps),
    Mutation: createMutationResolvers(deps),
    Encounter: createEncounterResolvers(deps),
    ClinicalNote: createClinicalNoteResolvers(deps),
    VitalSigns: createVitalSignsResolvers(),
    Patient: createPatientResolvers(deps),
    Problem: createProblemResolvers(deps),
    LabOrder: createLabOrderResolvers(deps),
    LabResult: createLabResultResolvers(),
    LabTest: createLabTestResolvers(),
    Subscription: createSubscriptionResolvers(deps),
    LabResultEvent: createLabResultEventResolvers(deps),
    WardVitalsEvent: createWardVitalsEventResolvers(),
  };
}
