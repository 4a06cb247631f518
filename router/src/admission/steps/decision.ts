/** The decisions on a valid operation: access by role, variables, cost. */
import { getVariableValues, type OperationDefinitionNode } from 'graphql';
import { collectTouchedFields, decideAccess } from '../../operation-access.ts';
import { operationCost, operationTooCostlyError } from '../../operation-cost.ts';
import { refuse, signInFirst } from '../refusal.ts';
import type { AdmissionStep } from '../types.ts';
import { errorsRefusal } from './validate.ts';

/** The @auth/@public decision over every field the operation touches (through fragments). */
export const access: AdmissionStep = {
  name: 'access',
  run(state, deps) {
    const { document, operation } = state;
    if (!document || !operation) return undefined;
    const decision = deps.validDocuments.accessDecision(operation, state.caller, () =>
      decideAccess(collectTouchedFields(deps.schema(), document, operation), deps.rules, state.caller, deps.introspection),
    );
    if (decision.allowed) return undefined;
    if (decision.code === 'UNAUTHENTICATED') return signInFirst('access', `Sign in to use ${decision.fields.join(', ')}.`, decision.fields);
    return refuse('access', 'FORBIDDEN', `Your role may not use ${decision.fields.join(', ')}.`, { fields: decision.fields });
  },
};

/** Variables coerced as execution will coerce them: typed errors before anything runs. */
export const variables: AdmissionStep = {
  name: 'variables',
  run(state, deps) {
    if (!state.operation) return undefined;
    const coerced = getVariableValues(deps.schema(), state.operation.variableDefinitions ?? [], state.facts.variables ?? {}, { maxErrors: 10 });
    if (coerced.errors) return errorsRefusal('variables', 'BAD_USER_INPUT', coerced.errors, deps);
    state.coercedVariables = coerced.coerced;
    return undefined;
  },
};

/** Costs kept per operation node (of a kept document), by the variables' JSON; a few per operation. */
const costs = new WeakMap<OperationDefinitionNode, Map<string, number>>();
/** Variable sets kept per operation (a search sends a new text each time: those simply cycle). */
const COSTS_PER_OPERATION = 64;

function keptCost(operation: OperationDefinitionNode, variables: { coercedVariables?: unknown; variables?: unknown }, max: number, compute: () => number): number {
  let key: string;
  try {
    key = `${max}\n${JSON.stringify(variables)}`;
  } catch {
    // Not serialisable (a BigInt from a custom scalar): computed, not kept.
    return compute();
  }
  let byVariables = costs.get(operation);
  if (!byVariables) {
    byVariables = new Map();
    costs.set(operation, byVariables);
  }
  let spent = byVariables.get(key);
  if (spent === undefined) {
    spent = compute();
    if (byVariables.size >= COSTS_PER_OPERATION) byVariables.delete(byVariables.keys().next().value as string);
    byVariables.set(key, spent);
  }
  return spent;
}

/** The cost limit, with the request's variables (page sizes). */
export const cost: AdmissionStep = {
  name: 'cost',
  run(state, deps) {
    const { document, operation } = state;
    if (!document || !operation) return undefined;
    const max = deps.maxOperationCost;
    // The variables step coerced them already (it runs first); they are not coerced twice.
    const given = state.coercedVariables ? { coercedVariables: state.coercedVariables } : { variables: state.facts.variables ?? {} };
    // The cost is a function of the operation and its variables only: kept per (operation, variables).
    const spent = keptCost(operation, given, max, () => operationCost(deps.schema(), document, { operation, ...given, stopAbove: max }));
    if (spent <= max) return undefined;
    const error = operationTooCostlyError(spent, max);
    return { step: 'cost', code: 'OPERATION_TOO_COSTLY', errors: [error] };
  },
};
