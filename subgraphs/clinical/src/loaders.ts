/**
 * Per-request loaders of the clinical subgraph: whatever a request touches (N encounters, N
 * encounters' notes, N patients' encounters or vital signs) costs ONE gRPC call per kind.
 */
import DataLoader from 'dataloader';
import type { ClinicalClient, Encounter__Output, LabOrder__Output, Note__Output, Problem__Output, VitalSigns__Output } from '@hospital/grpc-contracts';
import { callGrpc, createBatchLoader, defineLoader, type LoaderKey, type SubgraphContext } from '@hospital/subgraph-kit';

/** The loader kinds, declared once per subgraph. */
export interface ClinicalLoaders {
  /** Encounters by id. */
  encounters: LoaderKey<string, Encounter__Output>;
  /** An encounter's notes (oldest first), by encounter id. */
  notesOfEncounter: LoaderKey<string, Note__Output[]>;
  /** A patient's encounters (newest first), by patient id. */
  encountersOfPatient: LoaderKey<string, Encounter__Output[]>;
  /** A patient's vital signs (newest first), by patient id. */
  vitalsOfPatient: LoaderKey<string, VitalSigns__Output[]>;
  /** A patient's problem list, by patient id. */
  problemsOfPatient: LoaderKey<string, Problem__Output[]>;
  /** A patient's lab orders with results (newest first), by patient id. */
  labOrdersOfPatient: LoaderKey<string, LabOrder__Output[]>;
}

const options = (context: SubgraphContext) => ({ metadata: context.grpcMetadata() });

/**
 * A loader that answers each key with a list, from one call returning every item for all keys.
 * @param fetchAll - one call for all keys
 * @param keyOf - which key an item belongs to
 */
function groupLoader<T>(fetchAll: (keys: string[]) => Promise<T[]>, keyOf: (item: T) => string): DataLoader<string, T[] | null> {
  return new DataLoader<string, T[] | null>(async (keys) => {
    const groups = new Map<string, T[]>(keys.map((key) => [key.toLowerCase(), []]));
    // The service keeps its order within each key; grouping preserves it.
    for (const item of await fetchAll([...keys])) groups.get(keyOf(item).toLowerCase())?.push(item);
    return keys.map((key) => groups.get(key.toLowerCase()) ?? []);
  });
}

/**
 * Declares the clinical subgraph's loaders over its gRPC client.
 * @param client - the clinical gRPC client
 */
export function createClinicalLoaders(client: ClinicalClient): ClinicalLoaders {
  return {
    encounters: defineLoader('encounters', (ctx) =>
      createBatchLoader(
        async (ids: readonly string[]) => (await callGrpc(client.getEncounters({ ids: [...ids] }, options(ctx)))).encounters,
        (e) => e.id,
      ),
    ),
    notesOfEncounter: defineLoader('notesOfEncounter', (ctx) =>
      groupLoader(
        async (encounterIds) => (await callGrpc(client.getEncounterNotes({ encounterIds }, options(ctx)))).notes,
        (n) => n.encounterId,
      ),
    ),
    encountersOfPatient: defineLoader('encountersOfPatient', (ctx) =>
      groupLoader(
        async (patientIds) => (await callGrpc(client.getPatientEncounters({ patientIds }, options(ctx)))).encounters,
        (e) => e.patientId,
      ),
    ),
    vitalsOfPatient: defineLoader('vitalsOfPatient', (ctx) =>
      groupLoader(
        async (patientIds) => (await callGrpc(client.getPatientVitals({ patientIds }, options(ctx)))).vitals,
        (v) => v.patientId,
      ),
    ),
    problemsOfPatient: defineLoader('problemsOfPatient', (ctx) =>
      groupLoader(
        async (patientIds) => (await callGrpc(client.getPatientProblems({ patientIds }, options(ctx)))).problems,
        (p) => p.patientId,
      ),
    ),
    labOrdersOfPatient: defineLoader('labOrdersOfPatient', (ctx) =>
      groupLoader(
        async (patientIds) => (await callGrpc(client.getPatientLabOrders({ patientIds }, options(ctx)))).orders,
        (o) => o.patientId,
      ),
    ),
  };
}
