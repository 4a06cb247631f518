import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { AdmittedOperation } from './admission/types.ts';
import { authPlugin } from './auth-plugin.ts';
import type { RouterContext } from './context.ts';

/** Runs the plugin's didResolveOperation as Apollo Server would, for one request. */
async function resolve(query: string, admitted: AdmittedOperation | undefined): Promise<unknown> {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const contextValue = { caller: { kind: 'anonymous' }, requestId: 'r', scope: { requestId: 'r' }, admitted } as RouterContext;
  const listener = await authPlugin().requestDidStart!({ contextValue } as never);
  try {
    await (listener as { didResolveOperation: (args: unknown) => Promise<void> }).didResolveOperation({ operation, document, contextValue, request: { query } });
    return 'executed';
  } catch (error) {
    return (error as { extensions?: { code?: unknown } }).extensions?.code;
  }
}

const admittedOf = (query: string): AdmittedOperation => {
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  return {
    caller: { kind: 'anonymous' },
    requestId: 'r',
    query,
    persisted: false,
    document,
    operation,
    operationName: operation.name?.value,
    variables: {},
    origin: {},
  };
};

describe('authPlugin', () => {
  it('lets exactly the admitted operation execute', async () => {
    expect(await resolve('query Me { me { id } }', admittedOf('query Me { me { id } }'))).toBe('executed');
  });

  it('refuses anything that did not pass admission (fail closed)', async () => {
    expect(await resolve('{ me { id } }', undefined)).toBe('BAD_REQUEST');
    expect(await resolve('{ patients { id } }', admittedOf('{ me { id } }'))).toBe('BAD_REQUEST');
  });
});
