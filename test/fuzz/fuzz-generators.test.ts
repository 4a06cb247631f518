/**
 * The fuzzers' own generators and oracle: generated operations are valid against the supergraph
 * (so hostile variables reach resolvers, not just the validator), every gRPC method gets request
 * messages its serializer accepts, and the answer checks flag what they should.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { schemaFromSdl } from '@hospital/router';
import { rootFieldOperations } from './graphql-operations.ts';
import { loadFuzzMethods, requestArbitrary } from './grpc-methods.ts';
import { graphqlAnswerProblems, grpcOutcomeProblems, leaksInternals } from './response-checks.ts';

const SUPERGRAPH = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../router/supergraph.graphql'), 'utf8');

describe('generated GraphQL operations', () => {
  it('cover every root field and validate against the supergraph', () => {
    const schema = schemaFromSdl(SUPERGRAPH);
    const operations = rootFieldOperations(schema);
    const rootFields = Object.keys(schema.getQueryType()!.getFields()).length + Object.keys(schema.getMutationType()!.getFields()).length;
    expect(operations).toHaveLength(rootFields);
    for (const op of operations)
      expect(
        validate(schema, parse(op.document)).map((e) => e.message),
        op.coordinate,
      ).toEqual([]);
  });
});

describe('generated gRPC requests', () => {
  const { methods, packages } = loadFuzzMethods();
  it.each(methods.map((m) => [m.name, m] as const))('%s: requests serialize', (_name, method) => {
    fc.assert(
      fc.property(requestArbitrary(packages, method, ['00000000-0000-0000-0000-000000000001']), (request) => {
        expect(() => method.definition.requestSerialize(request)).not.toThrow();
      }),
      { numRuns: 20, seed: 1 },
    );
  });
});

describe('answer checks', () => {
  it('accept typed errors and data', () => {
    expect(graphqlAnswerProblems(200, JSON.stringify({ data: { me: null }, errors: [{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }] }))).toEqual([]);
    expect(graphqlAnswerProblems(400, JSON.stringify({ errors: [{ message: 'Syntax Error: Unexpected "}".', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] }))).toEqual([]);
    expect(grpcOutcomeProblems(GrpcStatus.NOT_FOUND, 'No such patient.')).toEqual([]);
  });

  it('flag masked errors, unknown codes, HTML bodies, odd statuses and leaks', () => {
    expect(graphqlAnswerProblems(200, JSON.stringify({ data: null, errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }))).not.toEqual(
      [],
    );
    expect(graphqlAnswerProblems(500, '<html>oops</html>')).not.toEqual([]);
    expect(graphqlAnswerProblems(200, JSON.stringify({ errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT', stacktrace: ['at x'] } }] }))).not.toEqual([]);
    expect(grpcOutcomeProblems(GrpcStatus.INTERNAL, 'Internal error.')).not.toEqual([]);
    expect(grpcOutcomeProblems(GrpcStatus.DEADLINE_EXCEEDED, 'Deadline exceeded')).not.toEqual([]);
    expect(leaksInternals('Invalid `prisma.patient.findMany()` invocation in /work/main/src/x.ts:12:3')).not.toEqual([]);
    expect(leaksInternals('duplicate key value violates unique constraint "drugs_code_key"')).not.toEqual([]);
    expect(leaksInternals('Variable "$s" got invalid value "\'; DROP TABLE patients; --"')).toEqual([]);
  });
});
