/** GetAllergyHistories: who changed each patient's allergy list, when, from what to what. */
import type { GetAllergyHistoriesRequest__Output, GetAllergyHistoriesResponse } from '@hospital/grpc-contracts';
import { parseRequest } from '@hospital/service-kit';
import type { PatientsDeps } from '../patients-deps.ts';
import { getAllergyHistoriesSchema } from './get-allergy-histories.schema.ts';

/**
 * Every allergy change of the patients asked for, oldest first.
 * @param request - the patient ids
 * @param deps - patient storage
 */
export async function getAllergyHistoriesHandler(request: GetAllergyHistoriesRequest__Output, deps: Pick<PatientsDeps, 'patients'>): Promise<GetAllergyHistoriesResponse> {
  const { patientIds } = parseRequest(getAllergyHistoriesSchema, request);
  const changes = await deps.patients.allergyHistories([...new Set(patientIds)]);
  return {
    changes: changes.map((change) => ({
      id: change.id,
      patientId: change.patientId,
      changedBy: change.changedBy,
      changedByRole: change.changedByRole ?? '',
      changedAt: change.changedAt.toISOString(),
      before: change.before,
      after: change.after,
    })),
  };
}
