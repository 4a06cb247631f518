import { parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Caller } from '@hospital/service-kit';
import { edgeRefusalOf, patientIdsNamed } from './refusal-audit.ts';

const P1 = '2b5d6c1e-0f4a-4c59-9a1e-3d7f0b2c8e11';
const P2 = '9f1c2d3e-4b5a-4d6c-8e7f-0a1b2c3d4e5f';
const named = (source: string, variables?: Record<string, unknown>) => {
  const document = parse(source);
  return patientIdsNamed(document, document.definitions[0] as OperationDefinitionNode, variables);
};

describe('patientIdsNamed', () => {
  it('finds patient ids in root arguments, input objects and variables', () => {
    expect(named(`query($id: ID!) { patient(id: $id) { id } }`, { id: P1 })).toEqual([P1]);
    expect(named(`mutation { prescribe(input: { patientId: "${P2}", drugId: "x" }) { id } }`, {})).toEqual([P2]);
    expect(named(`mutation($i: BookInput!) { bookAppointment(input: $i) { id } }`, { i: { patientId: P1.toUpperCase() } })).toEqual([P1]);
    expect(named(`query { ... on Query { patient(id: "${P2}") { id } } }`, {})).toEqual([P2]);
    expect(named(`query { ...F } fragment F on Query { patient(id: "${P1}") { allergies } }`, {})).toEqual([P1]);
  });

  it('ignores other ids and anything that is not a UUID', () => {
    expect(named(`query { invoice(id: "${P1}") { id } patient(id: "not-a-uuid") { id } }`, {})).toEqual([]);
    expect(named(`query($id: ID!) { patient(id: $id) { id } }`, undefined)).toEqual([]);
  });
});

describe('edgeRefusalOf', () => {
  const base = { variables: {}, reason: 'FORBIDDEN', origin: undefined, requestId: 'r1' };
  it('names the app of an app caller and of a user acting through an app; none for a user alone', () => {
    const doctor: Caller = { kind: 'user', userId: 'u-1', role: 'doctor', email: 'd@test.local' };
    expect(edgeRefusalOf({ ...base, caller: { kind: 'app', clientId: 'c-1', name: 'Board', scopes: [] } })).toMatchObject({ app: { clientId: 'c-1', name: 'Board' } });
    expect(edgeRefusalOf({ ...base, caller: { ...doctor, app: { clientId: 'c-1', name: 'Board', scopes: [] } } })).toMatchObject({
      userId: 'u-1',
      role: 'doctor',
      app: { clientId: 'c-1', name: 'Board' },
    });
    expect(edgeRefusalOf({ ...base, caller: doctor }).app).toBeUndefined();
  });
});
