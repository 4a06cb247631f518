/**
 * Availability before authentication: an anonymous caller may only run public operations (sign
 * in, refresh, whatever the supergraph marks `@public`). Before any validation, their document
 * must be small, parse within a small token budget, and select exactly one public root field,
 * without an alias (else `a0: login(…) … a11: login(…)` would run twelve password checks for one
 * request); anything else is answered 401 at once, for about the price of reading it.
 */
import { Kind, getOperationAST, type DocumentNode, type SelectionSetNode } from 'graphql';
import type { AuthRules } from '../../auth-policy.ts';
import { fragmentsOf } from '../../operation-shape/shape.ts';
import { signInFirst } from '../refusal.ts';
import type { AdmissionStep } from '../types.ts';
import { parseDocument } from './parse.ts';
import { operationNotFound } from './operation.ts';

/** A root field selection: its name and alias, if any. */
interface RootSelection {
  name: string;
  alias?: string;
}

/** Root field selections of an operation, through root-level fragments (each visited once). */
function rootSelections(document: DocumentNode, selectionSet: SelectionSetNode): RootSelection[] {
  const fragments = fragmentsOf(document);
  const selections: RootSelection[] = [];
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) selections.push({ name: selection.name.value, alias: selection.alias?.value });
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet);
      }
    }
  };
  visit(selectionSet);
  return selections;
}

/** Message for an anonymous operation that selects several root fields or uses an alias. */
export const ONE_ROOT_FIELD_MESSAGE = 'Sign in to run more than one field per operation: an anonymous operation selects exactly one root field, without an alias.';

/**
 * Whether an anonymous operation keeps to one root field, unaliased (meta fields such as
 * `__typename` aside: they run no resolver).
 * @param selections - the operation's root selections
 */
function singleRootField(selections: readonly RootSelection[]): boolean {
  const real = selections.filter((selection) => !selection.name.startsWith('__'));
  return real.length <= 1 && real.every((selection) => selection.alias === undefined);
}

/**
 * Root coordinates an anonymous caller may not select (unknown fields included: nothing unknown
 * is validated for them).
 * @param rootType - Query, Mutation or Subscription
 * @param names - selected root field names
 * @param rules - the supergraph's rule map
 */
function nonPublicRoots(rootType: string, names: Iterable<string>, rules: AuthRules): string[] {
  const refused: string[] = [];
  for (const name of names) {
    // Meta fields: validation refuses introspection in production, on a document known to be small.
    if (name.startsWith('__')) continue;
    if (!rules.get(`${rootType}.${name}`)?.public) refused.push(`${rootType}.${name}`);
  }
  return refused.sort();
}

/** The gate; signed-in callers pass untouched. */
export const anonymousGate: AdmissionStep = {
  name: 'anonymous-gate',
  run(state, deps) {
    // Apps are signed in too (client credentials); the access decision holds them to their scopes.
    if (state.caller.kind === 'user' || state.caller.kind === 'app') return undefined;
    const query = state.query ?? '';
    // A safelisted document is the web app's own: its size is known and harmless.
    if (!state.persisted && query.length > deps.anonymous.maxDocumentChars) {
      return signInFirst('anonymous-gate', 'Sign in to send an operation this large.');
    }
    const parsed = parseDocument(query, state.persisted ? deps.maxTokens : deps.anonymous.maxTokens);
    if ('refused' in parsed) {
      return parsed.tooManyTokens ? signInFirst('anonymous-gate', 'Sign in to send an operation this large.') : parsed.refused;
    }
    state.document = parsed.document;
    const operation = getOperationAST(parsed.document, state.facts.operationName ?? undefined);
    if (!operation) return operationNotFound(parsed.document, state.facts.operationName);
    state.operation = operation;
    const rootType = deps.schema().getRootType(operation.operation)?.name;
    // No such root type: validation says so, on a document already known to be small.
    if (!rootType) return undefined;
    const selections = rootSelections(parsed.document, operation.selectionSet);
    const refused = nonPublicRoots(rootType, new Set(selections.map((selection) => selection.name)), deps.rules);
    if (refused.length > 0) return signInFirst('anonymous-gate', `Sign in to use ${refused.join(', ')}.`, refused);
    if (!singleRootField(selections)) return signInFirst('anonymous-gate', ONE_ROOT_FIELD_MESSAGE);
    return undefined;
  },
};
