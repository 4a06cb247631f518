/** SearchDrugs: the catalogue by name or code prefix, a page at a time. */
import type { SearchDrugsRequest__Output, SearchDrugsResponse } from '@hospital/grpc-contracts';
import { decodeCursor, encodeCursor, invalidInput, keysetOf, keysetPage, parseRequest, uuidSchema } from '@hospital/service-kit';
import { utcDay } from '../domain/calendar.ts';
import type { PharmacyDeps } from '../pharmacy-deps.ts';
import type { DrugPosition, DrugWithLots } from '../repositories/drug-repository.ts';
import { searchDrugsSchema } from './search-drugs.schema.ts';
import { toProtoDrug } from './to-proto.ts';

function cursorOf(drug: DrugWithLots): string {
  return encodeCursor([drug.name.toLowerCase(), drug.code, drug.id]);
}

function positionFrom(cursor: string): DrugPosition {
  const [lowerName, code, id] = decodeCursor(cursor, 3);
  if (!uuidSchema.safeParse(id).success) throw invalidInput('Invalid cursor.', 'after');
  return { lowerName: lowerName!, code: code!, id: id! };
}

/**
 * One page of drugs whose name or code starts with the search (case-insensitive), ordered by
 * name, with the total count.
 * @param request - search text and page
 * @param deps - catalogue and clock
 */
export async function searchDrugsHandler(request: SearchDrugsRequest__Output, deps: Pick<PharmacyDeps, 'drugs' | 'now'>): Promise<SearchDrugsResponse> {
  const { search, page } = parseRequest(searchDrugsSchema, request);
  const { limit, readLimit, after } = keysetOf(page, positionFrom);
  const today = utcDay(deps.now());
  const [read, totalCount] = await Promise.all([deps.drugs.search({ search, after, limit: readLimit }), deps.drugs.count(search)]);
  const { rows, cursors, pageInfo } = keysetPage(read, limit, cursorOf, totalCount);
  return { drugs: rows.map((drug) => toProtoDrug(drug, today)), cursors, pageInfo };
}
