/** Parsing under a token cap, then the document budget (cheap, before any validation). */
import { GraphQLError, parse, type DocumentNode } from 'graphql';
import { documentBudgetError } from '../../operation-limits.ts';
import { refuse, type AdmissionRefusal } from '../refusal.ts';
import type { AdmissionStep } from '../types.ts';

/**
 * Parses a document, stopping at `maxTokens`.
 * @param query - the text
 * @param maxTokens - where parsing stops
 */
export function parseDocument(query: string, maxTokens: number): { document: DocumentNode } | { refused: AdmissionRefusal; tooManyTokens: boolean } {
  try {
    return { document: parse(query, { maxTokens }) };
  } catch (error) {
    const message = error instanceof Error ? error.message : 'Syntax error';
    const located = error instanceof GraphQLError ? { source: error.source, positions: error.positions } : {};
    const refusal: AdmissionRefusal = {
      step: 'parse',
      code: 'GRAPHQL_PARSE_FAILED',
      errors: [new GraphQLError(message, { ...located, extensions: { code: 'GRAPHQL_PARSE_FAILED' } })],
    };
    // graphql-js 16 says "more that N tokens"; a later version may fix the typo.
    return { refused: refusal, tooManyTokens: /contains more th(?:at|an) \d+ tokens/.test(message) };
  }
}

/** Parses the text (unless the anonymous gate already did). */
export const parseStep: AdmissionStep = {
  name: 'parse',
  run(state, deps) {
    if (state.document) return undefined;
    const known = deps.validDocuments.get(state.query ?? '');
    if (known) {
      state.document = known;
      state.validated = true;
      return undefined;
    }
    const parsed = parseDocument(state.query ?? '', deps.maxTokens);
    if ('refused' in parsed) return parsed.refused;
    state.document = parsed.document;
    return undefined;
  },
};

/** Refuses documents whose validation would be expensive (repeated fields, fragment blow-up). */
export const documentBudget: AdmissionStep = {
  name: 'document-budget',
  run(state, deps) {
    if (state.validated) return undefined;
    const error = state.document ? documentBudgetError(state.document, deps.limits) : undefined;
    return error ? refuse('document-budget', 'GRAPHQL_VALIDATION_FAILED', error.message) : undefined;
  },
};
