/**
 * The resource types whose records belong to one patient and have one status (invoices,
 * prescriptions): read by id, and searched by `patient` naming the patient and `status` codes
 * mapping to our values through the resource's value set; one value is the GraphQL argument,
 * several are searched unfiltered and filtered here (a short page, no total), none of ours is an
 * empty page.
 */
import type { Resource } from '@medplum/fhirtypes';
import type { SearchPage } from '../bundle.ts';
import type { FhirGraphQL } from '../graphql-runner.ts';
import { oneValue, referencedId, type ParsedSearch } from '../search-params.ts';
import { ourValuesFor } from '../value-sets.ts';
import { connectionPage, oneOrFilter, readOne, statusFilter, type FhirResourceType } from './resource-type.ts';

/** What a patient-and-status search runs: the document, its root field and the value set of its statuses. */
export interface PatientStatusSearch<K extends string> {
  /** The connection document (variables `$patientId`, `$status`, `$first`, `$after`). */
  query: string;
  /** Its root field. */
  field: string;
  /** Our status values and the FHIR code of each. */
  statuses: Readonly<Record<K, string>>;
  /** The code's name in an error ("an invoice status"). */
  what: string;
}

/**
 * One page of a patient-and-status search.
 * @param gql - the caller's runner
 * @param search - the parsed parameters
 * @param spec - the document, its root field and the status value set
 * @param map - record to resource
 */
export async function patientStatusPage<K extends string, R extends { status: K }>(
  gql: FhirGraphQL,
  search: ParsedSearch,
  spec: PatientStatusSearch<K>,
  map: (record: R) => Resource,
): Promise<SearchPage> {
  const patient = oneValue(search, 'patient');
  const status = oneValue(search, 'status');
  const wanted = oneOrFilter(status === undefined ? undefined : ourValuesFor(spec.statuses, status, spec.what));
  if (wanted.none) return { resources: [], total: 0 };
  const variables = { patientId: patient !== undefined ? referencedId(patient, 'Patient') : null, status: wanted.argument, first: search.count, after: search.cursor ?? null };
  return connectionPage<R>(gql, spec, variables, map, statusFilter(wanted.filter));
}

/** A patient-and-status resource type: what it selects, its value set and mapping. */
export interface PatientStatusResource<K extends string, R extends { status: K }> {
  /** The FHIR type (also the operation names: `Fhir<type>Read`, `Fhir<type>Search`). */
  type: FhirResourceType['type'];
  /** What it stands for here (CapabilityStatement documentation). */
  documentation: string;
  /** The `status` parameter's documentation: the FHIR codes it takes. */
  statusCodes: string;
  /** The fields selected of each record. */
  fields: string;
  /** The root field reading one record by id (`invoice`). */
  readField: string;
  /** The connection field searching them by patient and status (`invoices`). */
  searchField: string;
  /** The GraphQL enum of the status argument (`InvoiceStatus`). */
  statusType: string;
  /** Our status values and the FHIR code of each. */
  statuses: Readonly<Record<K, string>>;
  /** The code's name in an error ("an invoice status"). */
  what: string;
  /** Record to resource. */
  map: (record: R) => Resource;
}

/**
 * The resource type of records of one patient with one status: its read and search documents, a
 * read by id and {@link patientStatusPage}.
 * @param spec - type, documentation, selection, value set and mapping
 */
export function patientStatusResource<K extends string, R extends { status: K }>(spec: PatientStatusResource<K, R>): FhirResourceType {
  const read = `query Fhir${spec.type}Read($id: ID!) { ${spec.readField}(id: $id) { ${spec.fields} } }`;
  const search = `query Fhir${spec.type}Search($patientId: ID, $status: ${spec.statusType}, $first: Int, $after: String) {
  ${spec.searchField}(patientId: $patientId, status: $status, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${spec.fields} } } }
}`;
  const searched: PatientStatusSearch<K> = { query: search, field: spec.searchField, statuses: spec.statuses, what: spec.what };
  return {
    type: spec.type,
    documentation: spec.documentation,
    searchParams: [
      { name: 'patient', type: 'reference', documentation: 'The patient (Patient/id).' },
      { name: 'status', type: 'token', documentation: spec.statusCodes },
    ],
    read: (gql, id) => readOne(gql, { query: read, field: spec.readField, type: spec.type }, id, spec.map),
    search: (gql, parsed) => patientStatusPage<K, R>(gql, parsed, searched, spec.map),
  };
}
