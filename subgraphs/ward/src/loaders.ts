/**
 * Per-request loaders of the ward subgraph: whatever a request touches — N wards, beds,
 * admissions, or N patients' stays — costs ONE gRPC call per kind.
 */
import type { Admission__Output, Bed__Output, StaffAssignment__Output, WardClient, Ward__Output } from '@hospital/grpc-contracts';
import { callGrpc, defineGroupLoader, defineIdLoader, type LoaderKey } from '@hospital/subgraph-kit';

/** The loader kinds, declared once per subgraph. */
export interface WardLoaders {
  /** Wards by id. */
  wards: LoaderKey<string, Ward__Output>;
  /** Beds by id, each with its occupant. */
  beds: LoaderKey<string, Bed__Output>;
  /** Admissions by id. */
  admissions: LoaderKey<string, Admission__Output>;
  /** A ward's beds, by ward id. */
  bedsOfWard: LoaderKey<string, Bed__Output[]>;
  /** A patient's admissions (newest first), by patient id. */
  admissionsOfPatient: LoaderKey<string, Admission__Output[]>;
  /** A ward's staff assignments, by ward id. */
  staffOfWard: LoaderKey<string, StaffAssignment__Output[]>;
}

/**
 * Declares the ward subgraph's loaders over its gRPC client.
 * @param client - the ward gRPC client
 */
export function createWardLoaders(client: WardClient): WardLoaders {
  return {
    wards: defineIdLoader('wards', async (ids, options) => (await callGrpc(client.getWards({ ids }, options))).wards),
    beds: defineIdLoader('beds', async (ids, options) => (await callGrpc(client.getBeds({ ids }, options))).beds),
    admissions: defineIdLoader('admissions', async (ids, options) => (await callGrpc(client.getAdmissions({ ids }, options))).admissions),
    // The service keeps its order within each key (labels, newest first); grouping preserves it.
    bedsOfWard: defineGroupLoader(
      'bedsOfWard',
      async (wardIds, options) => (await callGrpc(client.listBeds({ wardIds }, options))).beds,
      (bed) => bed.wardId,
    ),
    admissionsOfPatient: defineGroupLoader(
      'admissionsOfPatient',
      async (patientIds, options) => (await callGrpc(client.getPatientAdmissions({ patientIds }, options))).admissions,
      (admission) => admission.patientId,
    ),
    staffOfWard: defineGroupLoader(
      'staffOfWard',
      async (wardIds, options) => (await callGrpc(client.listWardStaff({ wardIds }, options))).assignments,
      (assignment) => assignment.wardId,
    ),
  };
}
