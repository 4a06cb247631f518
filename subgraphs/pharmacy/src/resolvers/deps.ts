/** What the pharmacy resolvers are built from, in a leaf module: the resolver files import it, never resolvers/index.ts. */
import type { Drug__Output, PharmacyClient, Prescription__Output } from '@hospital/grpc-contracts';
import type { LoaderKey } from '@hospital/subgraph-kit';
import type { PatientPrescriptionsKey } from '../loaders.ts';

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
