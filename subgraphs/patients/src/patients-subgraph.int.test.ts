/**
 * The patients subgraph over HTTP, as the router calls it, against the real patients gRPC service
 * and the run's PostgreSQL database. The gRPC client is the real one, wrapped only to count calls.
 */
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPatientsClient } from '@hospital/grpc-contracts';
import { startPatientsService } from '@hospital/patients-service';
import { signIdentity } from '@hospital/service-kit';
import { UNAVAILABLE_MESSAGE, type RunningSubgraph } from '@hospital/subgraph-kit';
import { countCalls, identityHeaders, postGraphQL, subgraphTestBed, userCaller } from '@hospital/subgraph-kit/testing';
import { testDatabaseUrl } from '../../../test/helpers.ts';
import { startPatientsSubgraph } from './index.ts';
import { TEST_CALL_DEADLINE_MS } from '@hospital/service-kit/testing';

const bed = subgraphTestBed('patients-subgraph-test');
const { host: HOST, internalSecret, logger, gql } = bed;
const doctor = userCaller('doctor');
const finance = userCaller('finance');

let subgraph: RunningSubgraph;
let counter: ReturnType<typeof countCalls<ReturnType<typeof createPatientsClient>>>;

beforeAll(async () => {
  const service = bed.closeAfter(await startPatientsService({ port: 0, host: HOST, databaseUrl: testDatabaseUrl(), internalSecret }, { logger }));
  const client = bed.closeAfter(createPatientsClient({ target: `${HOST}:${service.port}`, deadlineMs: TEST_CALL_DEADLINE_MS }));
  counter = countCalls(client);
  subgraph = bed.serve(
    await startPatientsSubgraph({ port: 0, host: HOST, patientsTarget: `${HOST}:${service.port}`, internalSecret, production: true }, { logger, client: counter.client }),
  );
});

afterAll(() => bed.close());

const PATIENT_FIELDS = 'id mrn givenName familyName fullName dateOfBirth sex phone email address allergies archived createdAt updatedAt';
const REGISTER = `mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { ${PATIENT_FIELDS} } }`;

/** A family name no other test uses, so searches see only this test's patients. */
const uniqueFamily = () =>
  `Test${randomUUID()
    .replace(/[^a-z]/g, '')
    .slice(0, 8)}`;

async function register(input: Record<string, unknown> = {}) {
  const result = await gql<{ registerPatient: Record<string, unknown> & { id: string } }>(doctor, REGISTER, {
    input: { givenName: 'Ada', familyName: uniqueFamily(), dateOfBirth: '1985-03-14', ...input },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.registerPatient;
}

describe('patients subgraph', () => {
  it('refuses requests without a valid router identity with 401 UNAUTHENTICATED', async () => {
    const missing = await gql(undefined, '{ patients { totalCount } }');
    expect([missing.status, missing.errors?.[0]?.extensions?.['code']]).toEqual([401, 'UNAUTHENTICATED']);
    const forged = await postGraphQL(subgraph.url, '{ patients { totalCount } }', { headers: { 'x-hospital-identity': signIdentity(doctor, 'x'.repeat(43)) } });
    expect([forged.status, forged.errors?.[0]?.extensions?.['code']]).toEqual([401, 'UNAUTHENTICATED']);
    // Any other header claiming an identity is ignored.
    const spoofed = await postGraphQL(subgraph.url, '{ patients { totalCount } }', { headers: { authorization: 'Bearer whatever', 'x-user-role': 'admin' } });
    expect(spoofed.status).toBe(401);
  });

  it('registers a patient and maps proto to GraphQL', async () => {
    const patient = await register({ givenName: 'Grace', sex: 'FEMALE', allergies: ['penicillin'] });
    expect(patient).toMatchObject({
      givenName: 'Grace',
      fullName: `Grace ${String(patient['familyName'])}`,
      dateOfBirth: '1985-03-14',
      sex: 'FEMALE',
      phone: null,
      email: null,
      address: null,
      allergies: ['penicillin'],
      archived: false,
    });
    expect(patient['mrn']).toMatch(/^MRN-\d+$/);
    expect(patient['createdAt']).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/);
  });

  it('resolves N patient references with exactly ONE GetPatients call', async () => {
    const patients = await Promise.all([register(), register(), register()]);
    const representations = [...patients.map((p) => ({ __typename: 'Patient', id: p.id })), { __typename: 'Patient', id: randomUUID() }];
    counter.reset();
    const result = await gql<{ _entities: ({ id: string; fullName: string } | null)[] }>(
      doctor,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { id fullName allergies } } }',
      { r: representations },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities.map((e) => e?.id ?? null)).toEqual([...patients.map((p) => p.id), null]);
    expect(counter.calls.get('getPatients')).toBe(1);
    expect(counter.calls.size).toBe(1);
  });

  it('refuses allergies to FINANCE through _entities (FORBIDDEN) but serves the rest', async () => {
    const patient = await register({ allergies: ['latex'] });
    const r = [{ __typename: 'Patient', id: patient.id }];
    const withAllergies = await gql(finance, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { fullName allergies } } }', { r });
    expect(withAllergies.errors?.map((e) => [e.extensions?.['code'], e.path])).toEqual([['FORBIDDEN', ['_entities', 0, 'allergies']]]);
    const without = await gql(finance, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { fullName mrn } } }', { r });
    expect(without.errors).toBeUndefined();
    expect(without.data).toEqual({ _entities: [{ fullName: patient['fullName'], mrn: patient['mrn'] }] });
  });

  it('refuses a mutation to a role without @auth before calling the service', async () => {
    counter.reset();
    const result = await gql(finance, REGISTER, { input: { givenName: 'No', familyName: 'Way', dateOfBirth: '1990-01-01' } });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(counter.calls.size).toBe(0);
  });

  it('rejects an impossible Date before it reaches the service', async () => {
    counter.reset();
    const result = await gql(doctor, REGISTER, { input: { givenName: 'Bad', familyName: 'Date', dateOfBirth: '2023-02-29' } });
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    // 200, not 400: the router's gateway drops the body of a non-2xx subgraph response.
    expect(result.status).toBe(200);
    expect(counter.calls.size).toBe(0);
  });

  it('maps gRPC errors: BAD_USER_INPUT with field, NOT_FOUND', async () => {
    const future = await gql(doctor, REGISTER, { input: { givenName: 'Not', familyName: 'Yet', dateOfBirth: '2999-01-01' } });
    expect(future.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'dateOfBirth' });
    const missing = await gql(doctor, `mutation($id: ID!) { updatePatient(id: $id, input: { phone: "020 7946 0000" }) { id } }`, { id: randomUUID() });
    expect(missing.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND' });
    const unknown = await gql(doctor, `query($id: ID!) { patient(id: $id) { id } }`, { id: randomUUID() });
    expect(unknown.data).toEqual({ patient: null });
  });

  it('answers a forged search cursor (a NUL PostgreSQL refuses) BAD_USER_INPUT on after, not a masked 500', async () => {
    const after = Buffer.from(JSON.stringify(['0', 'a\u0000b', 'c', 'MRN-1', randomUUID()]), 'utf8').toString('base64url');
    const result = await gql(doctor, `query($after: String) { patients(search: "", first: 5, after: $after) { edges { node { id } } } }`, { after });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('updates, searches a page and archives', async () => {
    const familyName = uniqueFamily();
    const [first] = await Promise.all([register({ familyName, givenName: 'Alan' }), register({ familyName, givenName: 'Barbara' })]);
    // Allergies are the care team's to change; this service has no appointments or ward to ask, so an admin.
    const admin = userCaller('admin');
    const updated = await gql<{ updatePatient: { phone: string | null; allergies: string[]; allergyHistory: unknown } }>(
      admin,
      `mutation($id: ID!, $input: UpdatePatientInput!) { updatePatient(id: $id, input: $input) { phone allergies allergyHistory { edges { node { changedBy { id } changedByRole before after } } pageInfo { hasNextPage } } } }`,
      { id: first.id, input: { phone: '+44 20 7946 0000', allergies: ['nuts'] } },
    );
    expect(updated.data?.updatePatient).toEqual({
      phone: '+44 20 7946 0000',
      allergies: ['nuts'],
      allergyHistory: {
        edges: [{ node: { changedBy: { id: admin.kind === 'user' ? admin.userId : '' }, changedByRole: 'ADMIN', before: [], after: ['nuts'] } }],
        pageInfo: { hasNextPage: false },
      },
    });
    // Newest first, a page at a time: the cursor of one page starts the next.
    await gql(admin, `mutation($id: ID!) { updatePatient(id: $id, input: { allergies: ["nuts", "latex"] }) { id } }`, { id: first.id });
    const HISTORY = `query($id: ID!, $after: String) { patient(id: $id) { allergyHistory(first: 1, after: $after) { edges { cursor node { after } } pageInfo { hasNextPage endCursor } } } }`;
    type History = { patient: { allergyHistory: { edges: { node: { after: string[] } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } };
    const newest = (await gql<History>(admin, HISTORY, { id: first.id })).data!.patient.allergyHistory;
    expect(newest.edges.map((e) => e.node.after)).toEqual([['nuts', 'latex']]);
    expect(newest.pageInfo.hasNextPage).toBe(true);
    const older = (await gql<History>(admin, HISTORY, { id: first.id, after: newest.pageInfo.endCursor })).data!.patient.allergyHistory;
    expect(older.edges.map((e) => e.node.after)).toEqual([['nuts']]);
    expect(older.pageInfo.hasNextPage).toBe(false);
    const refused = await gql(doctor, `mutation($id: ID!) { updatePatient(id: $id, input: { allergies: [] }) { id } }`, { id: first.id });
    expect(refused.errors?.[0]?.extensions).toEqual({ code: 'FORBIDDEN' });

    const SEARCH = `query($s: String, $after: String) { patients(search: $s, first: 1, after: $after) { edges { cursor node { givenName } } pageInfo { hasNextPage endCursor } totalCount } }`;
    type Page = { patients: { edges: { node: { givenName: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null }; totalCount: number } };
    const page1 = await gql<Page>(userCaller('pharmacist'), SEARCH, { s: familyName });
    expect(page1.data?.patients.edges.map((e) => e.node.givenName)).toEqual(['Alan']);
    expect(page1.data?.patients.pageInfo.hasNextPage).toBe(true);
    expect(page1.data?.patients.totalCount).toBe(2);
    const page2 = await gql<Page>(userCaller('pharmacist'), SEARCH, { s: familyName, after: page1.data?.patients.pageInfo.endCursor });
    expect(page2.data?.patients.edges.map((e) => e.node.givenName)).toEqual(['Barbara']);

    const archived = await gql(userCaller('admin'), `mutation($id: ID!) { archivePatient(id: $id) { archived } }`, { id: first.id });
    expect(archived.data).toEqual({ archivePatient: { archived: true } });
    const after = await gql<Page>(doctor, SEARCH, { s: familyName });
    expect(after.data?.patients.totalCount).toBe(1);
  });

  it('answers an unreachable service as a retryable SERVICE_UNAVAILABLE, never a masked internal error', async () => {
    const deadPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, HOST, () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const orphan = await startPatientsSubgraph({ port: 0, host: HOST, patientsTarget: `${HOST}:${deadPort}`, internalSecret, production: true, grpcDeadlineMs: 1_000 }, { logger });
    try {
      const result = await postGraphQL(orphan.url, `query($id: ID!) { patient(id: $id) { id } }`, {
        variables: { id: randomUUID() },
        headers: { ...identityHeaders(doctor, internalSecret), 'x-request-id': 'req-unreachable-1' },
      });
      expect(result.errors).toEqual([
        { message: UNAVAILABLE_MESSAGE, path: ['patient'], locations: [{ line: 1, column: 19 }], extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 } },
      ]);
    } finally {
      await orphan.close();
    }
  });

  it('reads the allergy history of a whole page of patients, five patients to a service call', async () => {
    const familyName = uniqueFamily();
    const ids = new Set<string>();
    for (let i = 0; i < 12; i += 1) ids.add((await register({ familyName, givenName: `P${i}`, allergies: [`Allergen ${i}`] })).id);
    type Page = { patients: { edges: { node: { id: string; allergyHistory: { edges: { node: { after: string[] } }[] } } }[] } };
    const page = await gql<Page>(
      userCaller('pharmacist'),
      `query($s: String) { patients(search: $s, first: 12) { edges { node { id allergyHistory(first: 1) { edges { node { after } } } } } } }`,
      { s: familyName },
    );
    expect(page.errors).toBeUndefined();
    const nodes = page.data!.patients.edges.map((edge) => edge.node);
    expect(new Set(nodes.map((node) => node.id))).toEqual(ids);
    for (const node of nodes) expect(node.allergyHistory.edges).toHaveLength(1);
  });
});
