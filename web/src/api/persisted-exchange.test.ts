/** The exchange's pure part: which operations carry a hash, and that urql then leaves the text out. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { Client, createRequest, fetchExchange, makeOperation, type OperationContext } from '@urql/core';
import { makeFetchBody } from '@urql/core/internal';
import { ChangeOwnPasswordDocument as ChangePassword } from '../gql/graphql.ts';
import { persistedExchange, persistedHashOf, withPersistedHash } from './persisted-exchange.ts';

const manifest = JSON.parse(readFileSync(new URL('../gql/persisted-documents.json', import.meta.url), 'utf8')) as Record<string, string>;
const context = { url: '/graphql', requestPolicy: 'network-only' } as OperationContext;
const VARIABLES = { currentPassword: 'old', newPassword: 'new' };
const ANSWER = { __typename: 'Mutation', changeOwnPassword: { __typename: 'User', id: 'u1' } };

describe('withPersistedHash', () => {
  it('sends a generated document by its manifest hash and without its text', () => {
    const operation = withPersistedHash(makeOperation('mutation', createRequest(ChangePassword, VARIABLES), context));
    const hash = persistedHashOf(operation)!;
    expect(operation.extensions?.['persistedQuery']).toEqual({ version: 1, sha256Hash: hash });
    expect(createHash('sha256').update(manifest[hash]!).digest('hex')).toBe(hash);
    expect(manifest[hash]).toMatch(/^mutation ChangeOwnPassword\(/);
    const body = makeFetchBody(operation);
    expect(body.query).toBeUndefined();
    expect(body.extensions).toEqual({ persistedQuery: { version: 1, sha256Hash: hash } });
  });

  it('leaves teardowns, retries with text and documents without a hash alone', () => {
    const request = createRequest(ChangePassword, VARIABLES);
    const teardown = makeOperation('teardown', request, context);
    expect(withPersistedHash(teardown)).toBe(teardown);
    const retry = makeOperation('mutation', request, { ...context, persistedSendText: true });
    expect(withPersistedHash(retry)).toBe(retry);
    const handWritten = makeOperation('query', createRequest(parse('{ me { id } }'), {}), context);
    expect(withPersistedHash(handWritten)).toBe(handWritten);
    expect(makeFetchBody(handWritten).query).toContain('me');
  });
});

describe('persistedExchange', () => {
  /** A client whose fetch answers like a router with the given answer to hash-only bodies, recording bodies. */
  function clientAnswering(hashAnswer: { errors: Array<{ message: string; extensions: { code: string } }> } | { data: unknown }) {
    const bodies: Array<Record<string, unknown>> = [];
    const fetchFn = async (_url: RequestInfo | URL, init?: RequestInit) => {
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      bodies.push(body);
      const answer = body['query'] === undefined ? hashAnswer : { data: ANSWER };
      return new Response(JSON.stringify(answer), { status: 'errors' in answer ? 400 : 200, headers: { 'content-type': 'application/json' } });
    };
    const client = new Client({ url: 'http://router.test/graphql', exchanges: [persistedExchange, fetchExchange], fetch: fetchFn });
    return { client, bodies };
  }

  it('sends only the hash when the router knows it', async () => {
    const { client, bodies } = clientAnswering({ data: ANSWER });
    const result = await client.mutation(ChangePassword, VARIABLES).toPromise();
    expect(result.data?.changeOwnPassword.id).toBe('u1');
    expect(bodies).toHaveLength(1);
    expect(bodies[0]!['query']).toBeUndefined();
  });

  it.each(['PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED'])('sends the text once after %s', async (code) => {
    const { client, bodies } = clientAnswering({ errors: [{ message: 'no', extensions: { code } }] });
    const result = await client.mutation(ChangePassword, VARIABLES).toPromise();
    expect(result.error).toBeUndefined();
    expect(result.data?.changeOwnPassword.id).toBe('u1');
    expect(bodies).toHaveLength(2);
    expect(bodies[1]!['query']).toMatch(/mutation ChangeOwnPassword/);
    expect(bodies[1]!['extensions']).toBeUndefined();
  });

  it('does not retry other refusals', async () => {
    const { client, bodies } = clientAnswering({ errors: [{ message: 'no', extensions: { code: 'FORBIDDEN' } }] });
    const result = await client.mutation(ChangePassword, VARIABLES).toPromise();
    expect(result.error?.graphQLErrors[0]?.extensions['code']).toBe('FORBIDDEN');
    expect(bodies).toHaveLength(1);
  });
});
