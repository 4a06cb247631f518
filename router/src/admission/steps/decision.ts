/** The decisions on a valid operation: access by role, variables, cost. */
import { getVariableValues } from 'graphql';
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
    const schema = deps.schema();
    const decision = decideAccess(collectTouchedFields(schema, document, operation), deps.rules, state.caller, deps.introspection);
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

/** The cost limit, with the request's variables (page sizes). */
export const cost: AdmissionStep = {
  name: 'cost',
  run(state, deps) {
    const { document, operation } = state;
    if (!document || !operation) return undefined;
    const max = deps.maxOperationCost;
    // The variables step coerced them already (it runs first); they are not coerced twice.
    const given = state.coercedVariables ? { coercedVariables: state.coercedVariables } : { variables: state.facts.variables ?? {} };
    const spent = operationCost(deps.schema(), document, { operation, ...given, stopAbove: max });
    if (spent <= max) return undefined;
    const error = operationTooCostlyError(spent, max);
    return { step: 'cost', code: 'OPERATION_TOO_COSTLY', errors: [error] };
  },
};
