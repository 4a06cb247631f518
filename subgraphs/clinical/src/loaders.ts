/**
 * Per-request loaders of the clinical subgraph: whatever a request touches (N encounters, N
 * encounters' notes, N patients' encounters or vital signs) costs ONE gRPC call per kind.
 */
import type { ClinicalClient, Encounter__Output, LabOrder__Output, Note__Output, Problem__Output, VitalSigns__Output } from '@hospital/grpc-contracts';
import { callGrpc, defineGroupLoader, defineIdLoader, type LoaderKey } from '@hospital/subgraph-kit';

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
  /** Lab order items with results, by item id (`LabOrder` entity references). */
  labOrders: LoaderKey<string, LabOrder__Output>;
}

/**
 * Declares the clinical subgraph's loaders over its gRPC client.
 * @param client - the clinical gRPC client
 */
export function createClinicalLoaders(client: ClinicalClient): ClinicalLoaders {
  return {
    encounters: defineIdLoader('encounters', async (ids, options) => (await callGrpc(client.getEncounters({ ids }, options))).encounters),
    labOrders: defineIdLoader('labOrders', async (ids, options) => (await callGrpc(client.getLabOrders({ ids }, options))).orders),
    notesOfEncounter: defineGroupLoader(
      'notesOfEncounter',
      async (encounterIds, options) => (await callGrpc(client.getEncounterNotes({ encounterIds }, options))).notes,
      (n) => n.encounterId,
    ),
    encountersOfPatient: defineGroupLoader(
      'encountersOfPatient',
      async (patientIds, options) => (await callGrpc(client.getPatientEncounters({ patientIds }, options))).encounters,
      (e) => e.patientId,
    ),
    vitalsOfPatient: defineGroupLoader(
      'vitalsOfPatient',
      async (patientIds, options) => (await callGrpc(client.getPatientVitals({ patientIds }, options))).vitals,
      (v) => v.patientId,
    ),
    problemsOfPatient: defineGroupLoader(
      'problemsOfPatient',
      async (patientIds, options) => (await callGrpc(client.getPatientProblems({ patientIds }, options))).problems,
      (p) => p.patientId,
    ),
    labOrdersOfPatient: defineGroupLoader(
      'labOrdersOfPatient',
      async (patientIds, options) => (await callGrpc(client.getPatientLabOrders({ patientIds }, options))).orders,
      (o) => o.patientId,
    ),
  };
}
