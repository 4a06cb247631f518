/** createSubgraphServer over real HTTP on port 0, with a tiny schema (no gRPC behind it). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'graphql';
import { createLogger } from '@hospital/service-kit';
import { createSubgraphServer, type RunningSubgraph } from './server.ts';
import { identityHeaders, postGraphQL, userCaller } from './testing.ts';

const secret = 'kit-test-secret-kit-test-secret-kit-test';
const typeDefs = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", import: ["@key"])
  directive @auth(requires: [Role!]!) repeatable on OBJECT | FIELD_DEFINITION
  directive @public on FIELD_DEFINITION
  enum Role { ADMIN DOCTOR PHARMACIST FINANCE WARD_STAFF }
  type Query { whoami: String! hello: String! @public boom: String }
`);

let running: RunningSubgraph;

beforeAll(async () => {
  const server = createSubgraphServer({
    name: 'kit-test',
    typeDefs,
    resolvers: {
      Query: {
        whoami: (_: unknown, __: unknown, ctx: { caller: { kind: string; role?: string }; requestId: string }) => `${ctx.caller.role ?? ctx.caller.kind}@${ctx.requestId}`,
        hello: () => 'hi',
        boom: () => {
          throw new Error('secret internals');
        },
      },
    },
    internalSecret: secret,
    logger: createLogger('kit-test', 'silent'),
    production: true,
  });
  running = await server.listen(0);
});

afterAll(() => running.close());

describe('createSubgraphServer', () => {
  it('serves /health and /ready', async () => {
    const base = running.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });

  it('takes the caller and request id from the router headers only', async () => {
    const result = await postGraphQL(running.url, '{ whoami }', { headers: { ...identityHeaders(userCaller('ward_staff'), secret), 'x-request-id': 'r-42' } });
    expect(result.data).toEqual({ whoami: 'ward_staff@r-42' });
  });

  it('refuses the whole request with 401 without a valid identity, even for @public fields', async () => {
    const result = await postGraphQL(running.url, '{ hello }');
    expect(result.status).toBe(401);
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(result.data).toBeUndefined();
  });

  it('masks unexpected errors in production, without stack traces', async () => {
    const result = await postGraphQL(running.url, '{ boom }', { headers: { ...identityHeaders(userCaller('admin'), secret), 'x-request-id': 'r-43' } });
    expect(result.errors).toEqual([
      { message: 'Internal server error.', path: ['boom'], locations: [{ line: 1, column: 3 }], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'r-43' } },
    ]);
  });

  it('answers a malformed body with a JSON error, never an HTML page', async () => {
    const response = await fetch(running.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ message: 'Malformed request.', extensions: { code: 'BAD_REQUEST' } }] });
  });
});
