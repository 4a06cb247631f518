/**
 * Practitioner: our doctors (`Query.doctors` and `Query.doctor`: id and display name of the active
 * doctors). A read is one `doctor(id)` call, under the same roles as the list (apps: `system/Practitioner.r`).
 */
import type { Practitioner } from '@medplum/fhirtypes';
import { oneValue } from '../search-params.ts';
import { nextCursorOf, readOne, type Connection, type FhirResourceType } from './resource-type.ts';

const READ = `query FhirPractitionerRead($id: ID!) { doctor(id: $id) { id displayName } }`;
const SEARCH = `query FhirPractitionerSearch($search: String, $first: Int, $after: String) {
  doctors(search: $search, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id displayName } } }
}`;

/** A doctor as the facade selects one. */
export interface DoctorRecord {
  id: string;
  displayName: string;
}

/**
 * The FHIR Practitioner of a doctor.
 * @param doctor - id and display name
 */
export function toFhirPractitioner(doctor: DoctorRecord): Practitioner {
  return { resourceType: 'Practitioner', id: doctor.id, active: true, name: [{ text: doctor.displayName }] };
}

type DoctorPage = { doctors: Connection<DoctorRecord> };

/** The Practitioner resource type. */
export const practitionerResource: FhirResourceType = {
  type: 'Practitioner',
  documentation: 'Active doctors (the users with the doctor role), by display name.',
  searchParams: [{ name: 'name', type: 'string', documentation: 'Part of the display name.' }],
  read: (gql, id) => readOne(gql, { query: READ, field: 'doctor', type: 'Practitioner' }, id, toFhirPractitioner),
  async search(gql, search) {
    const name = oneValue(search, 'name');
    const data = await gql.run<DoctorPage>(SEARCH, { search: name ?? null, first: search.count, after: search.cursor ?? null });
    return { resources: data.doctors.edges.map((edge) => toFhirPractitioner(edge.node)), ...nextCursorOf(data.doctors), total: data.doctors.totalCount ?? 0 };
  },
};
