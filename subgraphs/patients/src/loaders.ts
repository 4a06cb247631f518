/** Per-request loaders of the patients subgraph. */
import type { AllergyChange__Output, PatientsClient, Patient__Output } from '@hospital/grpc-contracts';
import { callGrpc, defineIdLoader, definePatientArgsLoader, type LoaderKey } from '@hospital/subgraph-kit';

/**
 * Patients by id: every `Patient` reference and `patient(id)` in one request share ONE
 * GetPatients call.
 * @param client - the patients gRPC client
 */
export function createPatientLoader(client: PatientsClient): LoaderKey<string, Patient__Output> {
  return defineIdLoader('patients', async (ids, options) => (await callGrpc(client.getPatients({ ids }, options))).patients);
}

/** One patient's allergy history page, as a loader key. */
export interface AllergyHistoryKey {
  patientId: string;
  first: number;
  after: string;
}

/** One page of a patient's allergy changes, newest first. */
export interface AllergyHistoryPage {
  changes: AllergyChange__Output[];
  hasMore: boolean;
}

/** Patients per GetAllergyHistories call, as the service takes them (its answer stays under 4 MB). */
const HISTORY_PATIENTS_PER_CALL = 5;

/**
 * Allergy history pages by patient and page: the `Patient.allergyHistory` fields of one request
 * asking for the same page share GetAllergyHistories calls of up to five patients each.
 * @param client - the patients gRPC client
 */
export function createAllergyHistoryLoader(client: PatientsClient): LoaderKey<AllergyHistoryKey, AllergyHistoryPage> {
  return definePatientArgsLoader('allergyHistories', {
    argsOf: (key) => `${key.first}|${key.after}`,
    fetch: async (group, options) => {
      const calls = Array.from({ length: Math.ceil(group.length / HISTORY_PATIENTS_PER_CALL) }, (_, i) =>
        group.slice(i * HISTORY_PATIENTS_PER_CALL, (i + 1) * HISTORY_PATIENTS_PER_CALL),
      );
      const answers = await Promise.all(
        calls.map(async (batch) => {
          const { first, after } = batch[0]!;
          const answer = await callGrpc(client.getAllergyHistories({ patientIds: batch.map((key) => key.patientId), first, after }, options));
          return batch.map((key) => {
            const page: AllergyHistoryPage = {
              changes: answer.changes.filter((change) => change.patientId === key.patientId),
              hasMore: answer.patientsWithMore.includes(key.patientId),
            };
            return [key.patientId, page] as const;
          });
        }),
      );
      return answers.flat();
    },
    missing: null,
  });
}
