/**
 * The FHIR facade is the GraphQL door's twin (issue 17): a doctor and an app with SMART scopes
 * see the same patients through both, a scope that refuses in GraphQL refuses in FHIR, and every
 * FHIR read leaves its audit rows (who, which operation, from where), refusals included.
 */
import type { Bundle, OperationOutcome } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueLetters } from '@hospital/service-kit/testing';
import type { IdentityClient } from '@hospital/grpc-contracts';
import { testDatabaseUrl } from '../../../test/helpers.ts';
import type { TestSystem } from '@hospital/test-support/system';
import { startSystemWithIdentity, systemAppToken } from '../support/client-apps.ts';
import { registerSiblings } from '../support/patients.ts';
import { expectValidFhir, fhirGet } from '../fhir/fhir-client.ts';
import { requestAuditRows } from '../support/request-audit-rows.ts';
import { dataOf } from './ward-fixtures.ts';

/** How far before a request its rows are looked for (the database's clock stamps them). */
const CLOCK_SLACK_MS = 5_000;

let system: TestSystem;
let identity: IdentityClient;
let doctor: string;
let admin: string;
let app: string;
const family = `Twin${uniqueLetters(8)}`;
const ids: string[] = [];

beforeAll(async () => {
  ({ system, identity } = await startSystemWithIdentity(testDatabaseUrl()));
  [doctor, admin] = await Promise.all([system.tokenFor('doctor'), system.tokenFor('admin')]);
  app = await systemAppToken(system, identity, ['system/Patient.rs']);
  ids.push(...(await registerSiblings(system, family, doctor)));
}, 120_000);
afterAll(async () => {
  identity?.close();
  await system?.close();
});

async function graphqlIds(token: string): Promise<string[]> {
  const page = await system.gql<{ patients: { edges: Array<{ node: { id: string } }> } }>(
    'query Twins($search: String) { patients(search: $search, first: 100) { edges { node { id } } } }',
    { search: family },
    token,
  );
  return dataOf(page)
    .patients.edges.map((edge) => edge.node.id)
    .sort();
}

async function fhirIds(token: string): Promise<string[]> {
  const answer = await fhirGet<Bundle>(system, `Patient?name=${family}&_count=100`, token);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  expectValidFhir(answer.body);
  return (answer.body.entry ?? []).map((entry) => entry.resource!.id!).sort();
}

describe('the same patients through both doors', () => {
  it.each([
    ['a doctor', () => doctor],
    ['an app with system/Patient.rs', () => app],
  ])('%s', async (_who, token) => {
    const viaGraphQL = await graphqlIds(token());
    expect(viaGraphQL).toEqual([...ids].sort());
    expect(await fhirIds(token())).toEqual(viaGraphQL);
  });

  it('a scope that refuses in GraphQL refuses in FHIR (403, OperationOutcome)', async () => {
    const appointmentsOnly = await systemAppToken(system, identity, ['system/Appointment.rs']);
    const graphql = await system.gql('query Twins { patients(first: 5) { edges { node { id } } } }', {}, appointmentsOnly);
    expect(graphql.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    for (const [path, scope] of [
      ['Patient', 'search Patient: its token lacks the scope system/Patient.s'],
      [`Patient/${ids[0]!}`, 'read Patient: its token lacks the scope system/Patient.r'],
    ] as const) {
      const answer = await fhirGet<OperationOutcome>(system, path, appointmentsOnly);
      expect(answer.status).toBe(403);
      expectValidFhir(answer.body);
      // In FHIR terms: the missing SMART scope, never the GraphQL fields.
      expect(answer.body.issue[0]!.diagnostics).toBe(`This app may not ${scope}.`);
    }
  });
});

describe('Practitioner read', () => {
  it('is one doctor(id) read: an app with system/Practitioner.r reads a doctor, and searching needs .s', async () => {
    const readOnly = await systemAppToken(system, identity, ['system/Practitioner.r']);
    const read = await fhirGet(system, `Practitioner/${system.accounts.doctor.id}`, readOnly);
    expect(read.status, JSON.stringify(read.body)).toBe(200);
    expectValidFhir(read.body);
    expect(read.body).toMatchObject({ resourceType: 'Practitioner', id: system.accounts.doctor.id });
    const search = await fhirGet<OperationOutcome>(system, 'Practitioner', readOnly);
    expect(search.status).toBe(403);
    expect(search.body.issue[0]!.diagnostics).toBe('This app may not search Practitioner: its token lacks the scope system/Practitioner.s.');
  });
});

const TRAIL = `query Trail($patientId: ID, $first: Int) {
  auditTrail(patientId: $patientId, first: $first) { edges { node { actorKind operation outcome ip requestId resource } } }
}`;
type TrailRow = { actorKind: string; operation: string | null; outcome: string; ip: string | null; requestId: string; resource: string };

async function trailRows(patientId: string, requestId: string): Promise<TrailRow[]> {
  const trail = await system.gql<{ auditTrail: { edges: Array<{ node: TrailRow }> } }>(TRAIL, { patientId, first: 100 }, admin);
  return dataOf(trail)
    .auditTrail.edges.map((edge) => edge.node)
    .filter((row) => row.requestId === requestId);
}

describe('every FHIR read leaves audit rows', () => {
  it.each([
    ['a doctor', () => doctor],
    ['an app', () => app],
  ])('Patient read by %s: one ALLOWED row under the FHIR request id, with the client address', async (_who, token) => {
    const answer = await fhirGet(system, `Patient/${ids[1]!}`, token());
    expect(answer.status).toBe(200);
    const requestId = answer.headers.get('x-request-id')!;
    expect(requestId).toBeTruthy();
    await expect
      .poll(async () => trailRows(ids[1]!, requestId), { timeout: 20_000 })
      .toEqual([expect.objectContaining({ operation: 'FhirPatientRead', outcome: 'ALLOWED', ip: expect.stringMatching(/127\.0\.0\.1/) })]);
  });

  it('a search leaves rows for the patients it returned', async () => {
    const answer = await fhirGet<Bundle>(system, `Patient?family=${family}`, doctor);
    const requestId = answer.headers.get('x-request-id')!;
    await expect.poll(async () => (await trailRows(ids[2]!, requestId)).map((row) => row.operation), { timeout: 20_000 }).toContain('FhirPatientSearch');
  });

  it.each([
    ['no token', undefined, 'UNAUTHENTICATED', 401],
    ['a bad token', 'garbage', 'UNAUTHENTICATED', 401],
    ['an app without the Patient scope', 'appointments-app', 'FORBIDDEN', 403],
  ])('a refused FHIR read (%s) leaves one DENIED row under its request id', async (_label, who, reason, status) => {
    const token = who === 'appointments-app' ? await systemAppToken(system, identity, ['system/Appointment.rs']) : who;
    const since = new Date(Date.now() - CLOCK_SLACK_MS);
    const answer = await fhirGet(system, `Patient/${ids[0]!}`, token);
    expect(answer.status).toBe(status);
    const requestId = answer.headers.get('x-request-id')!;
    const denied = () => requestAuditRows<TrailRow & { reason: string | null }>(system, admin, requestId, 'actorKind operation outcome reason ip resource', since);
    await expect.poll(denied, { timeout: 20_000 }).toEqual([expect.objectContaining({ outcome: 'DENIED', reason })]);
  });
});
