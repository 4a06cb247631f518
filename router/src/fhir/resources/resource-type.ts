/** What each FHIR resource type of the facade provides: its search parameters, read and search. */
import type { Resource } from '@medplum/fhirtypes';
import type { SearchPage } from '../bundle.ts';
import type { FhirGraphQL } from '../graphql-runner.ts';
import type { ParsedSearch, SearchParamDefinition } from '../search-params.ts';

/** Settings the mappings need. */
export interface FhirSettings {
  /** The system URI of our medical record numbers (`Patient.identifier.system`). */
  identifierSystem: string;
}

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
