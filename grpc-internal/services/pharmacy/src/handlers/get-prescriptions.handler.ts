/** GetPrescriptions: prescriptions by id, for entity batching. */
import type { GetPrescriptionsRequest__Output, GetPrescriptionsResponse } from '@hospital/grpc-contracts';
import { parseRequest } from '@hospital/service-kit';
import type { PharmacyDeps } from '../pharmacy-deps.ts';
import { getPrescriptionsSchema } from './get-prescriptions.schema.ts';
import { toProtoPrescription } from './to-proto.ts';

/**
 * Prescriptions by id in request order; unknown ids are left out.
 * @param request - the ids
 * @param deps - prescriptions
 */
export async function getPrescriptionsHandler(request: GetPrescriptionsRequest__Output, deps: Pick<PharmacyDeps, 'prescriptions'>): Promise<GetPrescriptionsResponse> {
  const { ids } = parseRequest(getPrescriptionsSchema, request);
  const found = new Map((await deps.prescriptions.findByIds([...new Set(ids)])).map((p) => [p.id, p]));
  return { prescriptions: ids.flatMap((id) => found.get(id) ?? []).map(toProtoPrescription) };
}
