/** The pharmacy subgraph's resolver map, checked against the generated `Resolvers` type. */
import type { Drug__Output, PharmacyClient, Prescription__Output } from '@hospital/grpc-contracts';
import { DateScalar, DateTimeScalar, type LoaderKey } from '@hospital/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import type { PatientPrescriptionsKey } from '../loaders.ts';
import { createDrugResolvers, createStockLotResolvers, createStockMovementResolvers } from './Drug.ts';
import { createMutationResolvers } from './Mutation.ts';
import { createPatientResolvers } from './Patient.ts';
import { allergyOverrideResolvers, createPrescriptionResolvers } from './Prescription.ts';
import { createQueryResolvers } from './Query.ts';

/** What the resolvers call. */
export interface ResolverDeps {
  /** The pharmacy gRPC client. */
  client: PharmacyClient;
  /** Per-request drugs loader (one GetDrugs call per request). */
  drugs: LoaderKey<string, Drug__Output>;
  /** Per-request prescriptions loader (one GetPrescriptions call per request). */
  prescriptions: LoaderKey<string, Prescription__Output>;
  /** Per-request `Patient.prescriptions` loader (one ListPatientPrescriptions call per request). */
  patientPrescriptions: LoaderKey<PatientPrescriptionsKey, Prescription__Output[]>;
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
    Drug: createDrugResolvers(deps),
    StockLot: createStockLotResolvers(deps),
    StockMovement: createStockMovementResolvers(deps),
    Prescription: createPrescriptionResolvers(deps),
    AllergyOverride: allergyOverrideResolvers,
    Patient: createPatientResolvers(deps),
  };
}
