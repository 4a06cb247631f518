/** SearchPatients: by name prefix, MRN or date of birth, a page at a time. */
import type { SearchPatientsRequest__Output, SearchPatientsResponse } from '@hospital/grpc-contracts';
import { pageSize, parseRequest } from '@hospital/service-kit';
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
  const limit = pageSize(page.first);
  const after = searchPositionFrom(page.after);
  // One row more than the page tells whether another page follows.
  const [hits, counted] = await Promise.all([
    deps.patients.search({ ...filter, after, limit: limit + 1 }),
    exactCount ? deps.patients.countExact(filter).then((count) => ({ count, capped: false })) : deps.patients.count(filter),
  ]);
  const shown = hits.slice(0, limit);
  const cursors = shown.map((hit) => searchCursorOf(hit.position));
  return {
    patients: shown.map((hit) => toProtoPatient(hit.patient)),
    cursors,
    pageInfo: { endCursor: cursors.at(-1) ?? '', hasNextPage: hits.length > limit, totalCount: counted.count },
    totalCountCapped: counted.capped,
  };
}
