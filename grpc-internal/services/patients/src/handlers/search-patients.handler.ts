/** SearchPatients: by name prefix, MRN or date of birth, a page at a time. */
import type { SearchPatientsRequest__Output, SearchPatientsResponse } from '@hospital/grpc-contracts';
import { keysetOf, keysetPage, parseRequest } from '@hospital/service-kit';
import { parseSearch } from '../domain/search-query.ts';
import type { PatientsDeps } from '../patients-deps.ts';
import { searchCursorOf, searchPositionFrom } from './search-patients.cursor.ts';
import { searchPatientsSchema } from './search-patients.schema.ts';
import { toProtoPatient } from './to-proto-patient.ts';

/**
 * One page of matching patients with a count of matches: up to 1,000 (and whether more match),
 * or every match when `exactCount` is asked for. Archived records are left out unless asked for.
 * @param request - search text, archive flag, page, count mode
 * @param deps - patient storage
 */
export async function searchPatientsHandler(request: SearchPatientsRequest__Output, deps: Pick<PatientsDeps, 'patients'>): Promise<SearchPatientsResponse> {
  const { search, includeArchived, exactCount, page } = parseRequest(searchPatientsSchema, request);
  const filter = { search: parseSearch(search), includeArchived };
  const { limit, readLimit, after } = keysetOf(page, searchPositionFrom);
  const [hits, counted] = await Promise.all([
    deps.patients.search({ ...filter, after, limit: readLimit }),
    exactCount ? deps.patients.countExact(filter).then((count) => ({ count, capped: false })) : deps.patients.count(filter),
  ]);
  const { rows, cursors, pageInfo } = keysetPage(hits, limit, (hit) => searchCursorOf(hit.position), counted.count);
  return { patients: rows.map((hit) => toProtoPatient(hit.patient)), cursors, pageInfo, totalCountCapped: counted.capped };
}
