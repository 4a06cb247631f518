import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schemaFromSdl } from './auth-policy.ts';
import { cpuMillis, exponentialFanOut } from './operation-shape/hostile-documents.ts';
import { AUDIT_ROW_COST, DEFAULT_MAX_OPERATION_COST, operationCost, operationTooCostlyError } from './operation-cost.ts';

import { EXPANSION_GUARD_MS } from '../test/support/expansion-guard.ts';

const schema = buildSchema(`
  type PageInfo { hasNextPage: Boolean! }
  type Appointment { id: ID! patient: Patient! }
  type Patient { id: ID! name: String allergies: [String!]! appointments(first: Int = 20): [Appointment!]! }
  type PatientEdge { cursor: String! node: Patient! }
  type PatientConnection { edges: [PatientEdge!]! pageInfo: PageInfo! totalCount: Int! }
  type Bed { id: ID! }
  type Ward { id: ID! beds: [Bed!]! }
  union Thing = Patient | Ward
  type Node { id: ID! child: Node }
  type Query {
    node: Node
    ping: String
    patient(id: ID!): Patient
    patients(first: Int = 20, last: Int, after: String): PatientConnection!
    unbounded(first: Int): [Patient!]!
    wards: [Ward!]!
    things: [Thing!]!
  }
`);
const cost = (query: string, variables?: Record<string, unknown>) => operationCost(schema, parse(query), { variables: variables ?? null });

describe('operationCost', () => {
  it('charges 1 per object and nothing for scalars, enums and lists of scalars', () => {
    expect(cost('{ ping }')).toBe(0);
    expect(cost('{ wards { id } }')).toBe(10);
  });

  it('charges AUDIT_ROW_COST more for each patient record (Patient, and types naming their patient)', () => {
    expect(cost('{ patient(id: "1") { id name allergies } }')).toBe(1 + AUDIT_ROW_COST);
    // Appointment has a `patient` field: one audit row per appointment, another per patient.
    expect(cost('{ patient(id: "1") { appointments(first: 2) { patient { id } } } }')).toBe(5 + 2 * (5 + 5));
  });

  it('multiplies a page by a literal first/last, else the schema default, else the cap of 100', () => {
    // patients: 10 × (1 + edges 1 × (1 + node 1 + audit 4)) = 70
    expect(cost('{ patients(first: 10) { edges { node { id } } } }')).toBe(70);
    expect(cost('{ patients(last: 10) { edges { node { id } } } }')).toBe(70);
    expect(cost('{ patients(first: 2, last: 10) { edges { node { id } } } }')).toBe(70);
    expect(cost('{ patients { edges { node { id } } } }')).toBe(140);
    expect(cost('{ unbounded { id } }')).toBe(500);
    // The services cap pages at 100 and read 0 as their default.
    expect(cost('{ patients(first: 10000) { totalCount } }')).toBe(100);
    expect(cost('{ patients(first: 0) { totalCount } }')).toBe(100);
    expect(cost('{ patients(first: -5) { totalCount } }')).toBe(100);
  });

  it('reads page sizes from variables, their defaults, or the schema default when left out', () => {
    const query = 'query($n: Int) { patients(first: $n) { edges { node { id } } } }';
    expect(cost(query, { n: 5 })).toBe(35);
    expect(cost(query, {})).toBe(140);
    expect(cost('query($n: Int = 7) { patients(first: $n) { pageInfo { hasNextPage } } }')).toBe(14);
    expect(cost('query($n: Int) { unbounded(first: $n) { id } }', { n: null })).toBe(500);
  });

  it('takes variables admission already coerced as they are (no second coercion)', () => {
    const document = parse('query($n: Int) { patients(first: $n) { edges { node { id } } } }');
    expect(operationCost(schema, document, { coercedVariables: { n: 5 } })).toBe(35);
  });

  it('charges every variable at the cap when the variables do not coerce', () => {
    expect(cost('query($n: Int, $id: ID!) { patients(first: $n) { totalCount } }', { n: 5 })).toBe(100);
  });

  it('multiplies nested pages', () => {
    // 100 × (1 + edges (1 + node (5 + 100 × 5)))
    expect(cost('{ patients(first: 100) { edges { node { appointments(first: 100) { id } } } } }')).toBe(50_700);
  });

  it('counts a connection’s edges once per page, and other lists as 10 items', () => {
    expect(cost('{ patients(first: 1) { edges { node { id } } } }')).toBe(7);
    expect(cost('{ wards { beds { id } } }')).toBe(10 * (1 + 10));
  });

  it('expands named and inline fragments, merging fields as execution does', () => {
    const inline = cost('{ patients(first: 10) { edges { node { id } } } }');
    expect(cost('{ ...Q } fragment Q on Query { patients(first: 10) { ...E } } fragment E on PatientConnection { edges { node { id } } }')).toBe(inline);
    expect(cost('{ ... on Query { patients(first: 10) { edges { node { id } } } } }')).toBe(inline);
    expect(cost('{ patient(id: "1") { ...F ...F } } fragment F on Patient { appointments { id } }')).toBe(5 + 20 * 5);
    expect(cost('{ patient(id: "1") { appointments { id } appointments { patient { id } } } }')).toBe(5 + 20 * (5 + 5));
  });

  it('counts each alias separately', () => {
    expect(cost('{ a: patients(first: 10) { totalCount } b: patients(first: 10) { totalCount } }')).toBe(20);
  });

  it('follows type conditions on abstract types and charges nothing for introspection', () => {
    // A union that may hold patients is charged as patient records.
    expect(cost('{ things { ... on Ward { beds { id } } ... on Patient { id } } }')).toBe(10 * (5 + 10));
    expect(cost('{ __schema { types { fields { name } } } __typename }')).toBe(0);
  });

  it('picks the named operation and survives a fragment cycle', () => {
    const document = parse('query A { wards { id } } query B { unbounded { id } }');
    expect(operationCost(schema, document, { operationName: 'B' })).toBe(500);
    expect(cost('{ patient(id: "1") { ...F } } fragment F on Patient { appointments { patient { ...F } } }')).toBe(Number.POSITIVE_INFINITY);
  });

  it('stops counting past stopAbove, so a fragment bomb costs no time', () => {
    // Ten levels, each spreading the next fragment three times: 3^10 fields if expanded.
    const levels = Array.from(
      { length: 10 },
      (_, i) =>
        `fragment F${i} on Patient { a: appointments(first: 1) { patient { ...F${i + 1} } } b: appointments(first: 1) { patient { ...F${i + 1} } } c: appointments(first: 1) { patient { ...F${i + 1} } } }`,
    ).join(' ');
    const query = `{ patient(id: "1") { ...F0 } } ${levels} fragment F10 on Patient { id }`;
    const started = performance.now();
    expect(operationCost(schema, parse(query), { stopAbove: 1_000 })).toBe(Number.POSITIVE_INFINITY);
    expect(performance.now() - started).toBeLessThan(EXPANSION_GUARD_MS);
  });

  it('refuses an exponential fragment fan-out (2^30 fields) in a few milliseconds', () => {
    const document = parse(exponentialFanOut(30));
    expect(operationCost(schema, document, { stopAbove: DEFAULT_MAX_OPERATION_COST })).toBe(Number.POSITIVE_INFINITY);
    expect(cpuMillis(() => operationCost(schema, document, { stopAbove: DEFAULT_MAX_OPERATION_COST }))).toBeLessThan(EXPANSION_GUARD_MS);
  });

  it('refuses, unwalked, a fragment of free scalars spread under thousands of fields', () => {
    // 2^11 nodes (cost 4,094, under the limit) each expanding 400 scalars: 800,000 fields to visit.
    const scalars = Array.from({ length: 400 }, (_, i) => `s${i}: id`).join(' ');
    const document = parse(exponentialFanOut(11).replace('fragment F0 on Node { id }', `fragment F0 on Node { ${scalars} }`));
    expect(operationCost(schema, document, { stopAbove: DEFAULT_MAX_OPERATION_COST })).toBe(Number.POSITIVE_INFINITY);
    expect(cpuMillis(() => operationCost(schema, document, { stopAbove: DEFAULT_MAX_OPERATION_COST }))).toBeLessThan(EXPANSION_GUARD_MS);
  });

  it('explains a refusal with the cost and the limit', () => {
    const error = operationTooCostlyError(10_300, 5_000);
    expect(error.message).toMatch(/costs 10300 \(at most 5000\)/);
    expect(error.extensions).toMatchObject({ code: 'OPERATION_TOO_COSTLY', cost: 10_300, maxCost: 5_000 });
    expect(operationTooCostlyError(Number.POSITIVE_INFINITY, 5_000).message).toMatch(/costs more than 5000/);
  });
});

describe('the default limit on the real schema (the web app’s operations: operation-shape/safelist.test.ts)', () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const api = schemaFromSdl(readFileSync(path.join(root, 'router/supergraph.graphql'), 'utf8'));

  it('refuses twelve aliases of a 100-patient search (1,200 audit rows), admits one', () => {
    const search = (alias: string) => `${alias}: patients(search: "a", first: 100) { edges { node { id name } } }`;
    const twelve = `{ ${Array.from({ length: 12 }, (_, i) => search(`p${i}`)).join(' ')} }`;
    expect(operationCost(api, parse(twelve))).toBeGreaterThan(DEFAULT_MAX_OPERATION_COST);
    expect(operationCost(api, parse(`{ ${search('p')} }`))).toBeLessThanOrEqual(DEFAULT_MAX_OPERATION_COST / 4);
  });

  it('charges a bed’s occupant (an admission) and an invoice as patient records', () => {
    expect(operationCost(api, parse('{ bedBoard(wardId: "w") { id } }'))).toBe(10);
    expect(operationCost(api, parse('{ bedBoard(wardId: "w") { occupant { id } } }'))).toBe(10 * (1 + 1 + AUDIT_ROW_COST));
    expect(operationCost(api, parse('{ invoice(id: "i") { id } }'))).toBe(1 + AUDIT_ROW_COST);
  });
});
