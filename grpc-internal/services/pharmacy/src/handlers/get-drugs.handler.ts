/** GetDrugs: drugs by id, for entity batching. */
import type { GetDrugsRequest__Output, GetDrugsResponse } from '@hospital/grpc-contracts';
import { parseRequest } from '@hospital/service-kit';
import { utcDay } from '../domain/calendar.ts';
import type { PharmacyDeps } from '../pharmacy-deps.ts';
import { getDrugsSchema } from './get-drugs.schema.ts';
import { toProtoDrug } from './to-proto.ts';

/**
 * Drugs by id in request order, each with its lots and stock on hand; unknown ids are left out.
 * @param request - the ids
 * @param deps - catalogue and clock
 */
export async function getDrugsHandler(request: GetDrugsRequest__Output, deps: Pick<PharmacyDeps, 'drugs' | 'now'>): Promise<GetDrugsResponse> {
  const { ids } = parseRequest(getDrugsSchema, request);
  const today = utcDay(deps.now());
  const found = new Map((await deps.drugs.findByIds([...new Set(ids)])).map((drug) => [drug.id, drug]));
  return { drugs: ids.flatMap((id) => found.get(id) ?? []).map((drug) => toProtoDrug(drug, today)) };
}
