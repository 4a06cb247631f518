/** What the patients resolvers are built from, in a leaf module: the resolver files import it, never resolvers/index.ts. */
import type { PatientsClient, Patient__Output } from '@hospital/grpc-contracts';
import type { AllergyHistoryKey, AllergyHistoryPage } from '../loaders.ts';
import type { LoaderKey } from '@hospital/subgraph-kit';
import type { FhirSettings } from '@hospital/grpc-contracts/fhir';

/** What the resolvers call. */
export interface ResolverDeps {
  /** The patients gRPC client. */
  client: PatientsClient;
  /** The per-request patients loader (one GetPatients call per request). */
  patients: LoaderKey<string, Patient__Output>;
  /** The per-request allergy history loader (GetAllergyHistories calls of up to five patients). */
  allergyHistories: LoaderKey<AllergyHistoryKey, AllergyHistoryPage>;
  /** The MRN system of `Patient.fhir` (the router's facade uses the same). */
  fhir: FhirSettings;
}
