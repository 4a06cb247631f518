/** GetAllergyHistories: who changed each patient's allergy list, when, from what to what. */
import type { GetAllergyHistoriesRequest__Output, GetAllergyHistoriesResponse } from '@hospital/grpc-contracts';
import { distinctIds, invalidInput, parseRequest } from '@hospital/service-kit';
import type { PatientsDeps } from '../patients-deps.ts';
import { getAllergyHistoriesSchema } from './get-allergy-histories.schema.ts';

/**
 * One page of allergy changes per patient asked for, each patient's newest first. A cursor (`after`)
 * must name a change of that patient.
 * @param request - the patient ids and the page
 * @param deps - patient storage
 */
export async function getAllergyHistoriesHandler(request: GetAllergyHistoriesRequest__Output, deps: Pick<PatientsDeps, 'patients'>): Promise<GetAllergyHistoriesResponse> {
  const { patientIds, first, after } = parseRequest(getAllergyHistoriesSchema, request);
  const ids = distinctIds(patientIds);
  const found = await Promise.all(ids.map((id) => deps.patients.allergyHistoryPage(id, { first, after: after?.toLowerCase() })));
  const pages = found.filter((page) => page !== undefined);
  if (pages.length < found.length) throw invalidInput('`after` is no change of this patient (a cursor from the previous page).', 'after');
  return {
    changes: pages.flatMap((page) =>
      page.changes.map((change) => ({
        id: change.id,
        patientId: change.patientId,
        changedBy: change.changedBy,
        changedByRole: change.changedByRole ?? '',
        changedAt: change.changedAt.toISOString(),
        before: change.before,
        after: change.after,
      })),
    ),
    patientsWithMore: ids.filter((_, i) => pages[i]!.hasMore),
  };
}
