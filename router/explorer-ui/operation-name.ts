/** The operation name the explorer sends (see withOperationNameOfDocument). */
import { parse } from 'graphql';
import type { FetcherParams } from '@graphiql/toolkit';

/**
 * GraphiQL reads the operation name from the editor after a short debounce, so a query pasted and
 * run at once goes out with the previous operation's name, which the router rightly refuses. When
 * the name sent names no operation of the document and the document has exactly one, the fetcher
 * sends that one's name instead; anything else (several operations, a syntax error) goes as typed.
 */
export function withOperationNameOfDocument(params: FetcherParams): FetcherParams {
  if (!params.operationName) return params;
  let names: (string | undefined)[];
  try {
    names = parse(params.query).definitions.flatMap((definition) => (definition.kind === 'OperationDefinition' ? [definition.name?.value] : []));
  } catch {
    return params;
  }
  if (names.includes(params.operationName) || names.length !== 1) return params;
  return { ...params, operationName: names[0] ?? null };
}
