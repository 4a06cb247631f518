/**
 * Relay connections over the services' cursor pages: GraphQL `first`/`after` → proto
 * `PageRequest`, and a proto page (items, parallel cursors, `PageInfo`) → a connection.
 */
import { GraphQLError } from 'graphql';
import type { PageInfo__Output } from '@hospital/grpc-contracts';

/** Page size when the client does not say. */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest page a client may ask for; larger requests are cut down, not refused. */
export const MAX_PAGE_SIZE = 100;

/** The proto `PageRequest` as the promise clients take it. */
export interface PageRequestInput {
  first: number;
  after: string;
}

/** The GraphQL `PageInfo` (the prelude's): no end cursor is null, not the proto's empty string. */
export interface GraphqlPageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

/** A Relay connection whose nodes are whatever the resolvers return (proto objects). */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: GraphqlPageInfo;
  totalCount: number;
}

/**
 * Validates and caps the page arguments before they reach a service.
 * @param args - the field's `first` and `after` arguments
 */
export function pageRequest(args: { first?: number | null; after?: string | null }): PageRequestInput {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1) {
    throw new GraphQLError('first must be a positive number.', { extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
  }
  return { first: Math.min(first, MAX_PAGE_SIZE), after: args.after ?? '' };
}

/**
 * The GraphQL `PageInfo` of a page: the one mapping of the proto `PageInfo` (hospital/common/v1/paging.proto).
 * @param pageInfo - the proto page info, or the same two facts from a page of another shape
 */
export function toGraphqlPageInfo(pageInfo: Pick<PageInfo__Output, 'hasNextPage' | 'endCursor'> | null | undefined): GraphqlPageInfo {
  return { hasNextPage: pageInfo?.hasNextPage ?? false, endCursor: pageInfo?.endCursor || null };
}

/**
 * Turns one proto page into a connection.
 * @param items - the page's records, in order
 * @param cursors - one cursor per record, parallel to `items`
 * @param pageInfo - the proto page info
 */
export function toConnection<T>(items: readonly T[], cursors: readonly string[], pageInfo: PageInfo__Output | null | undefined): Connection<T> {
  return {
    edges: items.map((node, index) => ({ cursor: cursors[index] ?? '', node })),
    pageInfo: toGraphqlPageInfo(pageInfo),
    totalCount: pageInfo?.totalCount ?? items.length,
  };
}
