/**
 * The router's metric labels stay bounded: operation names only from the safelist manifest, codes
 * only from the error registry, whatever a client puts in its operation name or an error.
 */
import { ApolloServer } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { metricsRegistry } from '@hospital/service-kit';
import { MAX_OPERATION_LABELS, knownOperationNames } from './metrics-labels.ts';
import { meteredFetch, routerMetricsPlugin } from './metrics.ts';
import type { Fetcher } from './fetcher.ts';

const typeDefs = 'type Query { hello: String, fails: String }';
const resolvers = {
  Query: {
    hello: () => 'hi',
    fails: () => {
      throw new GraphQLError('nope', { extensions: { code: 'patient 0b8e6c1e jane.doe@example.com' } });
    },
  },
};
const manifest = new Map([
  ['h1', 'query DoctorSearchPatients { hello }'],
  ['h2', 'mutation Login { hello }'],
]);

async function labelsOf(metric: string, label: string): Promise<string[]> {
  const values = (await metricsRegistry().getSingleMetric(metric)!.get()).values;
  return [...new Set(values.map((v) => String(v.labels[label])))].sort();
}

describe('operation labels', () => {
  it('are the manifest names or "other", whatever name or error code a client sends', async () => {
    const server = new ApolloServer({ typeDefs, resolvers, plugins: [routerMetricsPlugin(manifest)] });
    await server.start();
    const hostile = ['patient_0b8e6c1e_4f5a_4c3e_9d1a_2f6b7c8d9e0f', 'jane_doe_at_example_com', `Q${'x'.repeat(5_000)}`, 'DoctorSearchPatientsX', 'Login_'];
    for (const name of hostile) await server.executeOperation({ query: `query ${name} { hello }` });
    await server.executeOperation({ query: 'query DoctorSearchPatients { hello }' });
    await server.executeOperation({ query: 'query DoctorSearchPatients { fails }' });
    // A name in the request that the document does not have, and a document that does not parse.
    await server.executeOperation({ query: 'query A { hello }', operationName: 'jane.doe@example.com' });
    await server.executeOperation({ query: '{ hello ' });
    await server.stop();

    expect(await labelsOf('graphql_router_requests_total', 'operation')).toEqual(['DoctorSearchPatients', 'other']);
    expect(await labelsOf('graphql_router_request_seconds', 'operation')).toEqual(['DoctorSearchPatients', 'other']);
    expect(await labelsOf('graphql_router_errors_total', 'operation')).toEqual(['DoctorSearchPatients', 'other']);
    // The made-up code is "other"; parse and unknown-operation errors keep their registry codes.
    const codes = await labelsOf('graphql_router_errors_total', 'code');
    expect(codes).toContain('other');
    expect(codes.every((code) => code === 'other' || /^[A-Z_]+$/.test(code))).toBe(true);
  });

  it('come from the manifest only as plain GraphQL names, at most MAX_OPERATION_LABELS of them', () => {
    const many = Array.from({ length: MAX_OPERATION_LABELS + 50 }, (_, i) => `query Op${i} { hello }`);
    expect(knownOperationNames(many).size).toBe(MAX_OPERATION_LABELS);
    expect([...knownOperationNames(['query { hello }', 'not graphql', `query ${'L'.repeat(100)} { hello }`, 'query Ok { a } mutation Ok2 { b }'])]).toEqual(['Ok', 'Ok2']);
  });
});

describe('subgraph fetch labels', () => {
  it('name a subgraph of the map, or "other" for any other URL', async () => {
    const ok = (async () => new Response('{}', { status: 200 })) as unknown as Fetcher;
    const fetch = meteredFetch(ok, () => new Map([['patients', 'http://127.0.0.1:1/graphql']]));
    await fetch('http://127.0.0.1:1/graphql', {});
    await fetch('http://127.0.0.1:2/graphql?patient=jane', {});
    expect(await labelsOf('graphql_router_subgraph_fetches_total', 'subgraph')).toEqual(['other', 'patients']);
  });
});
