/**
 * Encounter: our admissions (`Query.admission`, `Query.admissions`, `Patient.admissions`): an
 * inpatient stay on a ward's bed, in progress or finished. The ward is its Location.
 */
import type { Encounter } from '@medplum/fhirtypes';
import { badSearch, notFound } from '../outcome.ts';
import { oneValue, parseToken, referencedId, type ParsedSearch } from '../search-params.ts';
import { nextCursorOf, type Connection, type FhirResourceType } from './resource-type.ts';

const FIELDS = 'id status reason admittedAt dischargedAt patient { id } ward { id name } bed { label }';
const READ = `query FhirEncounterRead($id: ID!) { admission(id: $id) { ${FIELDS} } }`;
const SEARCH = `query FhirEncounterSearch($wardId: ID, $status: AdmissionStatus, $first: Int, $after: String) {
  admissions(wardId: $wardId, status: $status, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${FIELDS} } } }
}`;
const OF_PATIENT = `query FhirEncounterOfPatient($id: ID!) { patient(id: $id) { id admissions { ${FIELDS} } } }`;

/** GraphQL `AdmissionStatus` → `encounter-status`. */
export const ENCOUNTER_STATUS = { ADMITTED: 'in-progress', DISCHARGED: 'finished' } as const satisfies Record<string, Encounter['status']>;
type AdmissionStatus = keyof typeof ENCOUNTER_STATUS;
/** Every admission is an inpatient encounter (v3 ActCode IMP, the `encounter-class` value set). */
const INPATIENT = { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'IMP', display: 'inpatient encounter' };

/** An admission as the facade selects one. */
export interface AdmissionRecord {
  id: string;
  status: AdmissionStatus;
  reason: string;
  admittedAt: string;
  dischargedAt: string | null;
  patient: { id: string };
  ward: { id: string; name: string };
  bed: { label: string };
}

/**
 * The FHIR Encounter of one admission.
 * @param record - the GraphQL admission
 */
export function toFhirEncounter(record: AdmissionRecord): Encounter {
  const done = record.status === 'DISCHARGED';
  return {
    resourceType: 'Encounter',
    id: record.id,
    status: ENCOUNTER_STATUS[record.status],
    class: INPATIENT,
    subject: { reference: `Patient/${record.patient.id}` },
    period: { start: record.admittedAt, ...(record.dischargedAt ? { end: record.dischargedAt } : {}) },
    reasonCode: [{ text: record.reason }],
    location: [{ location: { reference: `Location/${record.ward.id}`, display: `${record.ward.name}, bed ${record.bed.label}` }, status: done ? 'completed' : 'active' }],
  };
}

function statusOf(search: ParsedSearch): AdmissionStatus | null | undefined {
  const value = oneValue(search, 'status');
  if (value === undefined) return undefined;
  const code = parseToken(value).code;
  if (!/^[a-z-]+$/.test(code)) throw badSearch(`"${code}" is not an encounter status code.`);
  return (Object.keys(ENCOUNTER_STATUS) as AdmissionStatus[]).find((name) => ENCOUNTER_STATUS[name] === code) ?? null;
}

/**
 * The encounters of one patient (every admission, no paging: a patient has few).
 * @param gql - the caller's runner
 * @param patientId - the patient
 */
export async function encountersOf(gql: Parameters<FhirResourceType['read']>[0], patientId: string): Promise<Encounter[]> {
  const data = await gql.run<{ patient: { admissions: AdmissionRecord[] } | null }>(OF_PATIENT, { id: patientId });
  return (data.patient?.admissions ?? []).map(toFhirEncounter);
}

/** The Encounter resource type. */
export const encounterResource: FhirResourceType = {
  type: 'Encounter',
  documentation: 'Inpatient admissions: the ward and bed, admitted and discharged times.',
  searchParams: [
    { name: 'patient', type: 'reference', documentation: "The patient (Patient/id): all of the patient's admissions." },
    { name: 'location', type: 'reference', documentation: 'The ward (Location/id).' },
    { name: 'status', type: 'token', documentation: 'in-progress or finished.' },
  ],
  async read(gql, id) {
    const data = await gql.run<{ admission: AdmissionRecord | null }>(READ, { id });
    if (!data.admission) throw notFound('Encounter', id);
    return toFhirEncounter(data.admission);
  },
  async search(gql, search) {
    const status = statusOf(search);
    if (status === null) return { resources: [], total: 0 };
    const patient = oneValue(search, 'patient');
    const location = oneValue(search, 'location');
    if (patient !== undefined) {
      const wanted = status ? ENCOUNTER_STATUS[status] : undefined;
      const wardId = location !== undefined ? referencedId(location, 'Location') : undefined;
      const resources = (await encountersOf(gql, referencedId(patient, 'Patient'))).filter(
        (encounter) => (!wanted || encounter.status === wanted) && (!wardId || encounter.location?.[0]?.location.reference === `Location/${wardId}`),
      );
      return { resources, total: resources.length };
    }
    const variables = { wardId: location !== undefined ? referencedId(location, 'Location') : null, status: status ?? null, first: search.count, after: search.cursor ?? null };
    const data = await gql.run<{ admissions: Connection<AdmissionRecord> }>(SEARCH, variables);
    return { resources: data.admissions.edges.map((edge) => toFhirEncounter(edge.node)), ...nextCursorOf(data.admissions), total: data.admissions.totalCount ?? 0 };
  },
};
