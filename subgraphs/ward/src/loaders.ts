/**
 * Per-request loaders of the ward subgraph: whatever a request touches — N wards, beds,
 * admissions, or N patients' stays — costs ONE gRPC call per kind.
 */
import DataLoader from 'dataloader';
import type { Admission__Output, Bed__Output, StaffAssignment__Output, WardClient, Ward__Output } from '@hospital/grpc-contracts';
import { callGrpc, createBatchLoader, defineLoader, type LoaderKey, type SubgraphContext } from '@hospital/subgraph-kit';

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

const options = (context: SubgraphContext) => ({ metadata: context.grpcMetadata() });

/**
 * A loader that answers each key with a list, from one call returning every item for all keys.
 * @param fetchAll - one call for all keys
 * @param keyOf - which key an item belongs to
 */
function groupLoader<T>(fetchAll: (keys: string[]) => Promise<T[]>, keyOf: (item: T) => string): DataLoader<string, T[] | null> {
  return new DataLoader<string, T[] | null>(async (keys) => {
    const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
    // The service keeps its order within each key (labels, newest first); grouping preserves it.
    for (const item of await fetchAll([...keys])) groups.get(keyOf(item))?.push(item);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/**
 * Declares the ward subgraph's loaders over its gRPC client.
 * @param client - the ward gRPC client
 */
export function createWardLoaders(client: WardClient): WardLoaders {
  return {
    wards: defineLoader('wards', (ctx) =>
      createBatchLoader(
        async (ids: readonly string[]) => (await callGrpc(client.getWards({ ids: [...ids] }, options(ctx)))).wards,
        (w) => w.id,
      ),
    ),
    beds: defineLoader('beds', (ctx) =>
      createBatchLoader(
        async (ids: readonly string[]) => (await callGrpc(client.getBeds({ ids: [...ids] }, options(ctx)))).beds,
        (b) => b.id,
      ),
    ),
    admissions: defineLoader('admissions', (ctx) =>
      createBatchLoader(
        async (ids: readonly string[]) => (await callGrpc(client.getAdmissions({ ids: [...ids] }, options(ctx)))).admissions,
        (a) => a.id,
      ),
    ),
    bedsOfWard: defineLoader('bedsOfWard', (ctx) =>
      groupLoader(
        async (wardIds) => (await callGrpc(client.listBeds({ wardIds }, options(ctx)))).beds,
        (bed) => bed.wardId,
      ),
    ),
    admissionsOfPatient: defineLoader('admissionsOfPatient', (ctx) =>
      groupLoader(
        async (patientIds) => (await callGrpc(client.getPatientAdmissions({ patientIds }, options(ctx)))).admissions,
        (admission) => admission.patientId,
      ),
    ),
    staffOfWard: defineLoader('staffOfWard', (ctx) =>
      groupLoader(
        async (wardIds) => (await callGrpc(client.listWardStaff({ wardIds }, options(ctx)))).assignments,
        (assignment) => assignment.wardId,
      ),
    ),
  };
}
