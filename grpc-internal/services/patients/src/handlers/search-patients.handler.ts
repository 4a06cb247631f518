/** SearchPatients: by name prefix, MRN or date of birth, a page at a time. */
import type { SearchPatientsRequest__Output, SearchPatientsResponse } from '@hospital/grpc-contracts';
import { decodeCursor, encodeCursor, invalidInput, pageSize, parseRequest } from '@hospital/service-kit';
import { parseSearch } from '../domain/search-query.ts';
import type { PatientsDeps } from '../patients-deps.ts';
import type { PatientPosition, PatientRecord } from '../repositories/patient-repository.ts';
import { patientIdSchema } from './patient-fields.schema.ts';
import { searchPatientsSchema } from './search-patients.schema.ts';
import { toProtoPatient } from './to-proto-patient.ts';

function cursorOf(patient: PatientRecord): string {
  return encodeCursor([patient.familyName, patient.givenName, patient.mrn, patient.id]);
}

function positionFrom(cursor: string): PatientPosition | undefined {
  if (!cursor) return undefined;
  const [familyName, givenName, mrn, id] = decodeCursor(cursor, 4);
  if (!patientIdSchema.safeParse(id).success) throw invalidInput('Invalid cursor.', 'after');
  return { familyName: familyName!, givenName: givenName!, mrn: mrn!, id: id! };
}

/**
 * One page of matching patients with the total count. Archived records are left out unless
 * asked for.
 * @param request - search text, archive flag, page
 * @param deps - patient storage
 */
export async function searchPatientsHandler(request: SearchPatientsRequest__Output, deps: Pick<PatientsDeps, 'patients'>): Promise<SearchPatientsResponse> {
  const { search, includeArchived, page } = parseRequest(searchPatientsSchema, request);
  const filter = { search: parseSearch(search), includeArchived };
  const limit = pageSize(page.first);
  const after = positionFrom(page.after);
  // One row more than the page tells whether another page follows.
  const [rows, totalCount] = await Promise.all([deps.patients.search({ ...filter, after, limit: limit + 1 }), deps.patients.count(filter)]);
  const patients = rows.slice(0, limit);
  const cursors = patients.map(cursorOf);
  return {
    patients: patients.map(toProtoPatient),
    cursors,
    pageInfo: { endCursor: cursors.at(-1) ?? '', hasNextPage: rows.length > limit, totalCount },
  };
}
