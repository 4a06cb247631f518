/** Picks the operation to run and checks it suits the transport. */
import { getOperationAST } from 'graphql';
import { refuse, type AdmissionRefusal } from '../refusal.ts';
import type { AdmissionStep } from '../types.ts';

/** No operation can be picked (unknown operationName, or several and none named): HTTP 400. */
export function operationNotFound(): AdmissionRefusal {
  return refuse('operation', 'OPERATION_RESOLUTION_FAILURE', 'Name one operation of the document in operationName.');
}

/** The operation step. */
export const operationStep: AdmissionStep = {
  name: 'operation',
  run(state) {
    if (!state.document) return undefined;
    state.operation ??= getOperationAST(state.document, state.facts.operationName ?? undefined) ?? undefined;
    const operation = state.operation;
    if (!operation) return operationNotFound();
    // The gateway cannot execute subscriptions (it throws: a 500); they have their own endpoint.
    if (state.facts.transport === 'http' && operation.operation === 'subscription') {
      return refuse('operation', 'BAD_REQUEST', 'Subscriptions run over WebSocket (graphql-transport-ws) at this same path.');
    }
    if (state.facts.transport === 'ws' && operation.operation !== 'subscription') {
      return refuse('operation', 'BAD_USER_INPUT', 'Only subscriptions go over WebSocket; send queries and mutations over HTTP.');
    }
    return undefined;
  },
};
