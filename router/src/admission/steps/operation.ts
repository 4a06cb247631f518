/** Picks the operation to run and checks it suits the transport. */
import { getOperationAST, type DocumentNode } from 'graphql';
import { refuse, type AdmissionRefusal } from '../refusal.ts';
import type { AdmissionStep } from '../types.ts';

/**
 * Why no operation can be picked, naming what the document holds so the caller can fix the
 * request: an operationName that names none of its operations, several operations and no name,
 * or none at all. Shared by admission and the execution-time check (auth-plugin.ts).
 */
export function operationNotFoundMessage(document: DocumentNode, operationName: string | null | undefined): string {
  const names = document.definitions.flatMap((definition) => (definition.kind === 'OperationDefinition' ? [definition.name ? definition.name.value : '(anonymous)'] : []));
  if (names.length === 0) return 'The document holds no operation.';
  const held = names.slice(0, 10).join(', ') + (names.length > 10 ? ', …' : '');
  if (operationName) return `operationName ${JSON.stringify(operationName.slice(0, 100))} names no operation of the document (it holds: ${held}).`;
  return `Name one operation of the document in operationName (it holds: ${held}).`;
}

/** No operation can be picked (unknown operationName, or several and none named): HTTP 400. */
export function operationNotFound(document: DocumentNode, operationName: string | null | undefined): AdmissionRefusal {
  return refuse('operation', 'OPERATION_RESOLUTION_FAILURE', operationNotFoundMessage(document, operationName));
}

/** The operation step. */
export const operationStep: AdmissionStep = {
  name: 'operation',
  run(state) {
    if (!state.document) return undefined;
    state.operation ??= getOperationAST(state.document, state.facts.operationName ?? undefined) ?? undefined;
    const operation = state.operation;
    if (!operation) return operationNotFound(state.document, state.facts.operationName);
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
