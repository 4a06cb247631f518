/** Location: our wards (`Query.ward`, `Query.wards`), where encounters take place. */
import type { Location } from '@medplum/fhirtypes';
import { badSearch } from '../outcome.ts';
import { CURSOR_PARAM, oneValue } from '../search-params.ts';
import { readOne, type FhirResourceType } from './resource-type.ts';

const FIELDS = 'id name code specialty';
const READ = `query FhirLocationRead($id: ID!) { ward(id: $id) { ${FIELDS} } }`;
const SEARCH = `query FhirLocationSearch { wards { ${FIELDS} } }`;

/** A ward as the facade selects one. */
export interface WardRecord {
  id: string;
  name: string;
  code: string;
  specialty: string | null;
}

/**
 * The FHIR Location of a ward.
 * @param ward - the GraphQL ward
 */
export function toFhirLocation(ward: WardRecord): Location {
  return {
    resourceType: 'Location',
    id: ward.id,
    status: 'active',
    name: ward.name,
    alias: [ward.code],
    description: ward.specialty || undefined,
    mode: 'instance',
    physicalType: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/location-physical-type', code: 'wa', display: 'Ward' }] },
  };
}

/** The Location resource type. */
export const locationResource: FhirResourceType = {
  type: 'Location',
  documentation: 'Wards (every ward in one page).',
  searchParams: [{ name: 'name', type: 'string', documentation: 'Start of the ward name or its code.' }],
  read: (gql, id) => readOne(gql, { query: READ, field: 'ward', type: 'Location' }, id, toFhirLocation),
  async search(gql, search) {
    // One page holds every ward: a cursor here was never ours to give, so it is refused, not ignored.
    if (search.cursor !== undefined) throw badSearch(`Location searches are one page: "${CURSOR_PARAM}" is not accepted.`);
    const name = oneValue(search, 'name')?.toLowerCase();
    const data = await gql.run<{ wards: WardRecord[] }>(SEARCH);
    const wards = data.wards.filter((ward) => !name || ward.name.toLowerCase().startsWith(name) || ward.code.toLowerCase().startsWith(name));
    return { resources: wards.map(toFhirLocation), total: wards.length };
  },
};
