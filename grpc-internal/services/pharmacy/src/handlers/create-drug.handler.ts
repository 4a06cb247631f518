/** CreateDrug: a new catalogue entry. */
import type { CreateDrugRequest__Output, Drug } from '@hospital/grpc-contracts';
import { conflict, parseRequest } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { utcDay } from '../domain/calendar.ts';
import type { PharmacyDeps } from '../pharmacy-deps.ts';
import { createDrugSchema } from './create-drug.schema.ts';
import { toProtoDrug } from './to-proto.ts';

/**
 * Adds a drug to the catalogue (no stock yet). A code in use is CONFLICT: the unique index
 * decides, so it holds for concurrent requests too.
 * @param request - code, name, form, strength
 * @param deps - catalogue and clock
 * @param scope - the call's logger
 */
export async function createDrugHandler(request: CreateDrugRequest__Output, deps: Pick<PharmacyDeps, 'drugs' | 'now'>, scope: CallScope): Promise<Drug> {
  const fields = parseRequest(createDrugSchema, request);
  const drug = await deps.drugs.create(fields);
  if (!drug) throw conflict(`A drug with code ${fields.code} already exists.`);
  scope.logger.info({ drugId: drug.id }, 'drug created');
  return toProtoDrug({ ...drug, lots: [] }, utcDay(deps.now()));
}
