/**
 * Encounter: our admissions (`Query.admission`, `Query.admissions`, `Patient.admissions`): an
 * inpatient stay on a ward's bed, in progress or finished. The ward is its Location.
 */
import type { Encounter } from '@medplum/fhirtypes';
import { oneValue, referencedId } from '../search-params.ts';
import { ENCOUNTER_STATUS, ourValuesFor } from '../value-sets.ts';
import { connectionPage, oneOrFilter, readOne, statusFilter, type FhirResourceType } from './resource-type.ts';

const FIELDS = 'id status reason admittedAt dischargedAt patient { id } ward { id name } bed { label }';
const READ = `query FhirEncounterRead($id: ID!) { admission(id: $id) { ${FIELDS} } }`;
const SEARCH = `query FhirEncounterSearch($wardId: ID, $status: AdmissionStatus, $first: Int, $after: String) {
  admissions(wardId: $wardId, status: $status, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${FIELDS} } } }
}`;
const OF_PATIENT = `query FhirEncounterOfPatient($id: ID!) { patient(id: $id) { id admissions { ${FIELDS} } } }`;

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
    period: { start: record.admittedAt, end: record.dischargedAt || undefined },
    reasonCode: [{ text: record.reason }],
    location: [{ location: { reference: `Location/${record.ward.id}`, display: `${record.ward.name}, bed ${record.bed.label}` }, status: done ? 'completed' : 'active' }],
  };
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
  read: (gql, id) => readOne(gql, { query: READ, field: 'admission', type: 'Encounter' }, id, toFhirEncounter),
  async search(gql, search) {
    const status = oneValue(search, 'status');
    const statuses = status === undefined ? undefined : ourValuesFor(ENCOUNTER_STATUS, status, 'an encounter status');
    if (statuses?.length === 0) return { resources: [], total: 0 };
    const patient = oneValue(search, 'patient');
    const wardId = oneValue(search, 'location');
    const ward = wardId !== undefined ? `Location/${referencedId(wardId, 'Location')}` : undefined;
    if (patient !== undefined) {
      // A patient's admissions come whole (few); status and ward filter them here.
      const resources = (await encountersOf(gql, referencedId(patient, 'Patient'))).filter(
        (encounter) => (!statuses || statuses.some((name) => ENCOUNTER_STATUS[name] === encounter.status)) && (!ward || encounter.location?.[0]?.location.reference === ward),
      );
      return { resources, total: resources.length };
    }
    const wanted = oneOrFilter(statuses);
    const variables = { wardId: ward ? ward.slice('Location/'.length) : null, status: wanted.argument, first: search.count, after: search.cursor ?? null };
    return connectionPage<AdmissionRecord>(gql, { query: SEARCH, field: 'admissions' }, variables, toFhirEncounter, statusFilter(wanted.filter));
  },
};
