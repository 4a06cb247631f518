/**
 * The explorer's fetcher sends the operation name the document holds: GraphiQL updates its own
 * after a debounce, so a pasted query run at once would go out under the previous operation's name.
 */
import { expect, it } from 'vitest';
import { withOperationNameOfDocument } from './operation-name.ts';

it('replaces a stale name by the one operation the document holds', () => {
  expect(withOperationNameOfDocument({ query: 'query Staff { users { id } }', operationName: 'Count' })).toEqual({
    query: 'query Staff { users { id } }',
    operationName: 'Staff',
  });
  expect(withOperationNameOfDocument({ query: '{ me { id } }', operationName: 'Me' }).operationName).toBeNull();
});

it('leaves a name the document holds, several operations and unparsable text as typed', () => {
  const cases = [
    { query: 'query A { a } query B { b }', operationName: 'B' },
    { query: 'query A { a } query B { b }', operationName: 'C' },
    { query: 'query A { a', operationName: 'C' },
    { query: 'query A { a }' },
  ];
  for (const params of cases) expect(withOperationNameOfDocument(params)).toBe(params);
});
