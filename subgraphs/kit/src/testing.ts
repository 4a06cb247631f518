/**
 * Test support for subgraph integration tests (`@hospital/subgraph-kit/testing`): talk to a
 * running subgraph over HTTP exactly as the router does, and count the gRPC calls it makes.
 * Nothing here is mocked: the counter wraps the real client and forwards every call.
 */
import { randomUUID } from 'node:crypto';
import { IDENTITY_HEADER, REQUEST_ID_HEADER, signIdentity, type Caller, type RoleName } from '@hospital/service-kit';

/** A GraphQL response plus its HTTP status. */
export interface HttpGraphQLResult<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * Posts an operation to a subgraph.
 * @param url - the subgraph's /graphql URL
 * @param query - the operation
 * @param options - variables and extra headers (pass the identity header here)
 */
export async function postGraphQL<T = Record<string, unknown>>(
  url: string,
  query: string,
  options: { variables?: Record<string, unknown>; headers?: Record<string, string> } = {},
): Promise<HttpGraphQLResult<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [REQUEST_ID_HEADER]: randomUUID(), ...options.headers },
    body: JSON.stringify({ query, variables: options.variables ?? {} }),
  });
  const body = (await response.json()) as Omit<HttpGraphQLResult<T>, 'status'>;
  return { status: response.status, ...body };
}

/**
 * The header the router would send for a caller.
 * @param caller - who is calling
 * @param secret - the internal secret
 */
export function identityHeaders(caller: Caller, secret: string): Record<string, string> {
  return { [IDENTITY_HEADER]: signIdentity(caller, secret) };
}

/**
 * A signed-in caller with a fresh user id.
 * @param role - the caller's role
 * @param userId - a specific user id (defaults to a random UUID)
 */
export function userCaller(role: RoleName, userId: string = randomUUID()): Caller {
  return { kind: 'user', userId, role, email: `${role}-${userId.slice(0, 8)}@test.example` };
}

/**
 * Wraps a promise client so each method call is counted, then forwarded unchanged.
 * @param client - the real client
 */
export function countCalls<C extends object>(client: C): { client: C; calls: Map<string, number>; reset(): void } {
  const calls = new Map<string, number>();
  const wrapped = new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string' || property === 'close') return value;
      return (...args: unknown[]) => {
        calls.set(property, (calls.get(property) ?? 0) + 1);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { client: wrapped, calls, reset: () => calls.clear() };
}
