/**
 * Patient: our patient records (`Query.patient`, `Query.patients`). The GraphQL search takes one
 * text (name prefix, MRN or date of birth), so the most selective FHIR parameter becomes that
 * text and the others filter the page (such pages may hold fewer than `_count` and carry no total).
 */
import type { Patient } from '@medplum/fhirtypes';
import { genderOf, GENDER_OF_SEX, toFhirPatient, type PatientRecord } from '@hospital/grpc-contracts/fhir';
import { FhirError } from '../outcome.ts';
import { oneValue, parseDateSearch, parseToken, type ParsedSearch } from '../search-params.ts';
import { nextCursorOf, readOne, type Connection, type FhirResourceType, type FhirSettings } from './resource-type.ts';

const FIELDS = 'id mrn givenName familyName dateOfBirth sex phone email address archived';
const READ = `query FhirPatientRead($id: ID!) { patient(id: $id) { ${FIELDS} } }`;
const SEARCH = `query FhirPatientSearch($search: String, $first: Int, $after: String) {
  patients(search: $search, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${FIELDS} } } }
}`;

const lower = (text: string) => text.toLowerCase();

/** The GraphQL search text and the filters left for the page. */
function planSearch(search: ParsedSearch, settings: FhirSettings): { text?: string; filters: Array<(p: PatientRecord) => boolean>; none?: boolean } {
  const filters: Array<(p: PatientRecord) => boolean> = [];
  const candidates: string[] = [];
  let none = false;
  const identifier = oneValue(search, 'identifier');
  if (identifier !== undefined) {
    const token = parseToken(identifier);
    // Our MRNs have one system: another system names nobody here.
    if (token.system !== undefined && token.system !== settings.identifierSystem) none = true;
    candidates.push(token.code);
    filters.push((p) => p.mrn === token.code);
  }
  const birthdate = oneValue(search, 'birthdate');
  if (birthdate !== undefined) {
    const date = parseDateSearch(birthdate);
    if (date.prefix !== 'eq' || !/^\d{4}-\d{2}-\d{2}$/.test(birthdate.replace(/^eq/, '')))
      throw new FhirError(400, 'not-supported', 'birthdate takes one exact date (YYYY-MM-DD).');
    const day = date.start.toISOString().slice(0, 10);
    candidates.push(day);
    filters.push((p) => p.dateOfBirth === day);
  }
  const family = oneValue(search, 'family');
  if (family !== undefined) {
    candidates.push(family);
    filters.push((p) => lower(p.familyName).startsWith(lower(family)));
  }
  const given = oneValue(search, 'given');
  if (given !== undefined) {
    candidates.push(given);
    filters.push((p) => lower(p.givenName).startsWith(lower(given)));
  }
  const name = oneValue(search, 'name');
  if (name !== undefined) {
    // Alone, `name` is exactly the GraphQL search ("Family, Given" and "Given Family" included).
    if (candidates.length === 0) candidates.push(name);
    else filters.push((p) => [p.familyName, p.givenName, `${p.givenName} ${p.familyName}`].some((part) => lower(part).startsWith(lower(name))));
  }
  const gender = oneValue(search, 'gender');
  if (gender !== undefined) {
    const code = parseToken(gender).code;
    if (!(Object.values(GENDER_OF_SEX) as string[]).includes(code)) throw new FhirError(400, 'invalid', `"${code}" is not an administrative gender.`);
    filters.push((p) => genderOf(p.sex) === code);
  }
  // The first candidate is the most selective (identifier, birthdate, family, given, name).
  return { text: candidates[0], filters, none };
}

/** The Patient resource type. */
export const patientResource: FhirResourceType = {
  type: 'Patient',
  documentation: 'Patient records; identifier is the medical record number (MRN).',
  searchParams: [
    { name: 'name', type: 'string', documentation: 'Prefix of the given or family name (also "Family, Given").' },
    { name: 'family', type: 'string', documentation: 'Prefix of the family name.' },
    { name: 'given', type: 'string', documentation: 'Prefix of the given name.' },
    { name: 'birthdate', type: 'date', documentation: 'Exact date of birth (YYYY-MM-DD).' },
    { name: 'identifier', type: 'token', documentation: 'The MRN, optionally as system|MRN.' },
    { name: 'gender', type: 'token', documentation: 'Administrative gender.' },
  ],
  read: (gql, id, settings) => readOne<PatientRecord, Patient>(gql, { query: READ, field: 'patient', type: 'Patient' }, id, (record) => toFhirPatient(record, settings)),
  async search(gql, search, settings) {
    const plan = planSearch(search, settings);
    if (plan.none) return { resources: [], total: 0 };
    const data = await gql.run<{ patients: Connection<PatientRecord> }>(SEARCH, { search: plan.text ?? null, first: search.count, after: search.cursor ?? null });
    const records = data.patients.edges.map((edge) => edge.node).filter((record) => plan.filters.every((keep) => keep(record)));
    // The total is exact only when the GraphQL search is the whole FHIR search (nothing filtered).
    const exact = search.values.size === 0 || (search.values.size === 1 && search.values.has('name'));
    return {
      resources: records.map((record) => toFhirPatient(record, settings)),
      ...nextCursorOf(data.patients),
      total: exact ? data.patients.totalCount : undefined,
    };
  },
};
