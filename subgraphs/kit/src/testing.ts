/**
 * Test support for subgraph integration tests (`@hospital/subgraph-kit/testing`): talk to a
 * running subgraph over HTTP exactly as the router does, count the gRPC calls it makes, and share
 * one set-up (secret, logger, closing what was started) across the test files.
 * Nothing here is mocked: the counter wraps the real client and forwards every call.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createLogger, IDENTITY_HEADER, REQUEST_ID_HEADER, signIdentity, type Caller, type Logger, type RoleName } from '@hospital/service-kit';
import { ListenerSet, type EventFeed, type IdentifiedEvent } from './events/event-feed.ts';
import type { RunningSubgraph } from './server.ts';

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

/** What one subgraph integration test file shares: where it listens, its secret, and what it started. */
export interface SubgraphTestBed {
  /** The address the services and the subgraph listen on. */
  host: string;
  /** The file's internal secret: services and subgraph sign and check identities with it. */
  internalSecret: string;
  /** A silent logger for everything the file starts. */
  logger: Logger;
  /**
   * Registers something the file started, to be closed after all its tests (last started, first closed).
   * @param started - a service, client, subgraph, …
   * @returns the same thing
   */
  closeAfter<T extends { close(): unknown }>(started: T): T;
  /**
   * Registers the subgraph under test: `gql` posts to it, and it is closed after all tests.
   * @param subgraph - the running subgraph
   */
  serve<S extends RunningSubgraph>(subgraph: S): S;
  /**
   * Posts an operation to the subgraph under test as the router would for a caller.
   * @param caller - who is calling; none sends no identity header
   * @param query - the operation
   * @param variables - its variables
   */
  gql<T = Record<string, unknown>>(caller: Caller | undefined, query: string, variables?: Record<string, unknown>): Promise<HttpGraphQLResult<T>>;
  /** Closes everything registered, last started first (the file's `afterAll`). */
  close(): Promise<void>;
}

/**
 * The set-up every subgraph integration test file shares: a fresh internal secret, a silent logger,
 * what `beforeAll` starts closed in reverse order by `afterAll(bed.close)`, and `gql` as a caller.
 * @param name - the logger's name
 */
export function subgraphTestBed(name: string): SubgraphTestBed {
  const closers: (() => unknown)[] = [];
  let url: string | undefined;
  const closeAfter = <T extends { close(): unknown }>(started: T): T => {
    closers.push(() => started.close());
    return started;
  };
  const bed: SubgraphTestBed = {
    host: '127.0.0.1',
    internalSecret: randomBytes(32).toString('base64url'),
    logger: createLogger(name, 'silent'),
    closeAfter,
    serve: (subgraph) => {
      url = subgraph.url;
      return closeAfter(subgraph);
    },
    gql: <T = Record<string, unknown>>(caller: Caller | undefined, query: string, variables?: Record<string, unknown>) => {
      if (!url) throw new Error('no subgraph is served yet (call serve in beforeAll)');
      return postGraphQL<T>(url, query, { variables, headers: caller ? identityHeaders(caller, bed.internalSecret) : {} });
    },
    close: async () => {
      for (const close of closers.splice(0).reverse()) await close();
    },
  };
  return bed;
}

/**
 * An event feed in memory for tests of what reads a feed: `emit` hands an event to every listener
 * as a real feed would (a throwing listener is logged, silently, and the rest still get it).
 */
export function memoryEventFeed<E extends IdentifiedEvent>(): EventFeed<E> & { emit(event: E): void } {
  const listeners = new ListenerSet<E>(createLogger('memory-event-feed', 'silent'));
  return {
    subscribe: (listener) => listeners.add(listener),
    listenerCount: () => listeners.size,
    close: async () => {},
    emit: (event) => listeners.emit(event),
  };
}
