/**
 * Practitioner: our doctors (`Query.doctors`: id and display name of the active doctors). There is
 * no doctor-by-id field, so a read walks the doctor list (a hospital's doctors are a few pages).
 */
import type { Practitioner } from '@medplum/fhirtypes';
import { notFound } from '../outcome.ts';
import { MAX_COUNT, oneValue } from '../search-params.ts';
import { nextCursorOf, type Connection, type FhirResourceType } from './resource-type.ts';

const SEARCH = `query FhirPractitionerSearch($search: String, $first: Int, $after: String) {
  doctors(search: $search, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id displayName } } }
}`;
/** Pages a read walks before it calls the doctor unknown. */
const READ_PAGES = 20;

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
  async read(gql, id) {
    let after: string | null = null;
    for (let page = 0; page < READ_PAGES; page++) {
      const data: DoctorPage = await gql.run<DoctorPage>(SEARCH, { search: null, first: MAX_COUNT, after });
      const found = data.doctors.edges.find((edge) => edge.node.id === id);
      if (found) return toFhirPractitioner(found.node);
      if (!data.doctors.pageInfo.hasNextPage) break;
      after = data.doctors.pageInfo.endCursor;
    }
    throw notFound('Practitioner', id);
  },
  async search(gql, search) {
    const name = oneValue(search, 'name');
    const data = await gql.run<DoctorPage>(SEARCH, { search: name ?? null, first: search.count, after: search.cursor ?? null });
    return { resources: data.doctors.edges.map((edge) => toFhirPractitioner(edge.node)), ...nextCursorOf(data.doctors), total: data.doctors.totalCount ?? 0 };
  },
};
