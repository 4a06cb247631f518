/** Relay pagination helpers. */
import { describe, expect, it } from 'vitest';
import { MAX_PAGE_SIZE, pageRequest, toConnection, toGraphqlPageInfo } from './pagination.ts';

describe('pageRequest', () => {
  it('defaults, caps and passes the cursor', () => {
    expect(pageRequest({})).toEqual({ first: 20, after: '' });
    expect(pageRequest({ first: 5000, after: 'c1' })).toEqual({ first: MAX_PAGE_SIZE, after: 'c1' });
  });

  it.each([0, -1, 1.5])('rejects first = %s as BAD_USER_INPUT on field first', (first) => {
    expect(() => pageRequest({ first })).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } }));
  });
});

describe('toConnection', () => {
  it('pairs items with cursors and reads the page info', () => {
    expect(toConnection(['x', 'y'], ['c1', 'c2'], { endCursor: 'c2', hasNextPage: true, totalCount: 7 })).toEqual({
      edges: [
        { cursor: 'c1', node: 'x' },
        { cursor: 'c2', node: 'y' },
      ],
      pageInfo: { hasNextPage: true, endCursor: 'c2' },
      totalCount: 7,
    });
    expect(toConnection([], [], { endCursor: '', hasNextPage: false, totalCount: 0 }).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});

describe('toGraphqlPageInfo', () => {
  it('maps the proto page info; no end cursor or no page info is null, no next page', () => {
    expect(toGraphqlPageInfo({ hasNextPage: true, endCursor: 'c9' })).toEqual({ hasNextPage: true, endCursor: 'c9' });
    expect(toGraphqlPageInfo({ hasNextPage: false, endCursor: '' })).toEqual({ hasNextPage: false, endCursor: null });
    expect(toGraphqlPageInfo(null)).toEqual({ hasNextPage: false, endCursor: null });
  });
});
