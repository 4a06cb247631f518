/** Searchset Bundles: the page's resources, `self` and (when more follow) `next` links. */
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { CURSOR_PARAM } from './search-params.ts';

/** One page of a search, as a resource module returns it. */
export interface SearchPage {
  resources: Resource[];
  /** The GraphQL cursor of the next page, when there is one. */
  nextCursor?: string;
  /** Matches over all pages, when known exactly (left out when results are filtered further). */
  total?: number;
}

/**
 * The searchset Bundle of one page.
 * @param page - the page
 * @param base - the facade's base URL (`…/fhir/R4`)
 * @param selfUrl - the URL that was searched
 */
export function searchsetBundle(page: SearchPage, base: string, selfUrl: URL): Bundle {
  const link: NonNullable<Bundle['link']> = [{ relation: 'self', url: selfUrl.toString() }];
  if (page.nextCursor !== undefined) {
    const next = new URL(selfUrl);
    next.searchParams.set(CURSOR_PARAM, page.nextCursor);
    link.push({ relation: 'next', url: next.toString() });
  }
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: page.total,
    link,
    entry: page.resources.map((resource) => ({ fullUrl: `${base}/${resource.resourceType}/${resource.id ?? ''}`, resource, search: { mode: 'match' } })),
  };
}
