/**
 * Validation against the API schema with the operation-size limits (and, in production, no
 * introspection). Without introspection the "Did you mean …?" hints would leak the schema field
 * by field, so they are stripped here (hint stripping), as in variable errors.
 */
import { GraphQLError, NoSchemaIntrospectionCustomRule, specifiedRules, validate, type ValidationRule } from 'graphql';
import { withoutSuggestions } from '../../format-error.ts';
import { operationLimitsRule } from '../../operation-limits.ts';
import type { AdmissionRefusal } from '../refusal.ts';
import type { AdmissionDeps, AdmissionStep } from '../types.ts';

const rulesOf = new WeakMap<AdmissionDeps, readonly ValidationRule[]>();

function validationRules(deps: AdmissionDeps): readonly ValidationRule[] {
  let rules = rulesOf.get(deps);
  if (!rules) {
    rules = [...specifiedRules, operationLimitsRule(deps.limits), ...(deps.introspection ? [] : [NoSchemaIntrospectionCustomRule])];
    rulesOf.set(deps, rules);
  }
  return rules;
}

/**
 * A message as the client may see it: hints stripped unless introspection is allowed.
 * @param deps - whether introspection is allowed
 * @param message - a validation or coercion message
 */
export function shownMessage(deps: Pick<AdmissionDeps, 'introspection'>, message: string): string {
  return deps.introspection ? message : withoutSuggestions(message);
}

/**
 * A refusal listing errors under one code, hints stripped, locations kept.
 * @param step - the refusing step
 * @param code - GRAPHQL_VALIDATION_FAILED or BAD_USER_INPUT
 * @param errors - graphql-js's errors
 * @param deps - whether hints may stay
 */
export function errorsRefusal(
  step: 'validate' | 'variables',
  code: 'GRAPHQL_VALIDATION_FAILED' | 'BAD_USER_INPUT',
  errors: readonly GraphQLError[],
  deps: AdmissionDeps,
): AdmissionRefusal {
  return {
    step,
    code,
    errors: errors.map(
      (error) => new GraphQLError(shownMessage(deps, error.message), { source: error.source, positions: error.source ? error.positions : undefined, extensions: { code } }),
    ),
  };
}

/** Validates the parsed document. */
export const validateStep: AdmissionStep = {
  name: 'validate',
  run(state, deps) {
    if (!state.document || state.validated) return undefined;
    const errors = validate(deps.schema(), state.document, validationRules(deps), { maxErrors: 50 });
    if (errors.length > 0) return errorsRefusal('validate', 'GRAPHQL_VALIDATION_FAILED', errors, deps);
    if (state.query !== undefined) deps.validDocuments.set(state.query, state.document);
    return undefined;
  },
};
