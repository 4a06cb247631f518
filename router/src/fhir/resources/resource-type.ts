/** What each FHIR resource type of the facade provides: its search parameters, read and search. */
import type { Resource } from '@medplum/fhirtypes';
import { notFound } from '../outcome.ts';
import type { SearchPage } from '../bundle.ts';
import type { FhirGraphQL } from '../graphql-runner.ts';
import type { ParsedSearch, SearchParamDefinition } from '../search-params.ts';

/** Settings the mappings need (defined with the shared mappings). */
export type { FhirSettings } from '@hospital/grpc-contracts/fhir';
import type { FhirSettings } from '@hospital/grpc-contracts/fhir';

/** One resource type: the CapabilityStatement is generated from these. */
export interface FhirResourceType {
  type: Resource['resourceType'];
  /** What the type stands for here (CapabilityStatement documentation). */
  documentation: string;
  searchParams: readonly SearchParamDefinition[];
  /**
   * The resource by id; throws a 404 FhirError when unknown or hidden from the caller.
   * @param gql - the caller's runner
   * @param id - a valid FHIR id
   * @param settings - the facade's settings
   */
  read(gql: FhirGraphQL, id: string, settings: FhirSettings): Promise<Resource>;
  /**
   * One page of a search.
   * @param gql - the caller's runner
   * @param search - the parsed parameters
   * @param settings - the facade's settings
   */
  search(gql: FhirGraphQL, search: ParsedSearch, settings: FhirSettings): Promise<SearchPage>;
}

/** A GraphQL connection page as the facade reads it. */
export interface Connection<T> {
  totalCount?: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: T }>;
}

/**
 * The cursor of the next page, when there is one.
 * @param connection - a page
 */
export function nextCursorOf(connection: Connection<unknown>): { nextCursor?: string } {
  return connection.pageInfo.hasNextPage && connection.pageInfo.endCursor ? { nextCursor: connection.pageInfo.endCursor } : {};
}

/**
 * Reads one record by id and maps it; 404 when the field answers null (unknown or hidden).
 * @param gql - the caller's runner
 * @param read - the document (one `$id` variable), the root field it selects and the FHIR type
 * @param id - the id
 * @param map - record to resource
 */
export async function readOne<R, T extends Resource>(gql: FhirGraphQL, read: { query: string; field: string; type: string }, id: string, map: (record: R) => T): Promise<T> {
  const record = (await gql.run<Record<string, R | null | undefined>>(read.query, { id }))[read.field];
  if (!record) throw notFound(read.type, id);
  return map(record);
}

/**
 * Runs a connection search and maps one page; with a filter, only the records it keeps (the page
 * may then be short, and has no total).
 * @param gql - the caller's runner
 * @param search - the document and its root field
 * @param variables - its variables
 * @param map - record to resource
 * @param filter - an extra filter of the page (then no total)
 */
export async function connectionPage<R>(
  gql: FhirGraphQL,
  search: { query: string; field: string },
  variables: Record<string, unknown>,
  map: (record: R) => Resource,
  filter?: (record: R) => boolean,
): Promise<SearchPage> {
  const connection = (await gql.run<Record<string, Connection<R>>>(search.query, variables))[search.field]!;
  const records = connection.edges.map((edge) => edge.node).filter((record) => !filter || filter(record));
  return { resources: records.map(map), ...nextCursorOf(connection), ...(filter ? {} : { total: connection.totalCount ?? 0 }) };
}

/**
 * A token search over a GraphQL argument that takes one of our values: that value when the codes
 * name exactly one, else no argument and a page filter (`none` when they name none of ours).
 * @param values - our values the codes name ({@link ourValuesFor}); undefined when not searched
 */
export function oneOrFilter<K extends string>(values: readonly K[] | undefined): { argument: K | null; filter?: (value: K) => boolean; none?: true } {
  if (values === undefined) return { argument: null };
  if (values.length === 0) return { argument: null, none: true };
  if (values.length === 1) return { argument: values[0]! };
  return { argument: null, filter: (value) => values.includes(value) };
}

/**
 * A page filter on the record's status from a value filter ({@link oneOrFilter}), or none.
 * @param filter - which of our status values to keep; undefined keeps every record
 */
export function statusFilter<K extends string, R extends { status: K }>(filter: ((value: K) => boolean) | undefined): ((record: R) => boolean) | undefined {
  return filter && ((record) => filter(record.status));
}
