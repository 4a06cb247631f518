/**
 * The router's bounded label set of operation names: those the safelist manifest's documents
 * declare. A name is kept only if it is a plain GraphQL name of sane length, and the set is
 * capped, so even a manifest gone wrong cannot make the label set unbounded.
 */
import { Kind, parse } from 'graphql';

/** At most this many distinct operation names become labels (the web app has ~40). */
export const MAX_OPERATION_LABELS = 500;
const GRAPHQL_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Operation names declared by the given documents.
 * @param documents - GraphQL document texts (the manifest's values)
 */
export function knownOperationNames(documents: Iterable<string>): ReadonlySet<string> {
  const names = new Set<string>();
  for (const text of documents) {
    let definitions;
    try {
      definitions = parse(text, { noLocation: true }).definitions;
    } catch {
      continue;
    }
    for (const definition of definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION || !definition.name) continue;
      if (names.size >= MAX_OPERATION_LABELS) return names;
      if (GRAPHQL_NAME.test(definition.name.value)) names.add(definition.name.value);
    }
  }
  return names;
}
