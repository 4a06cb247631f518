/**
 * The audit trail end to end: operations on one patient through the real router, subgraphs and
 * gRPC services give exactly one audit row each (who, what, from where, outcome), readable by
 * admins only through `auditTrail`, with an intact hash chain.
 */
import { randomUUID } from 'node:crypto';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAuditClient, createPatientsClient } from '@hospital/grpc-contracts';
import { signIdentity } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';
import { useOwnDatabase } from '../../../test/own-database.ts';
import type { GraphQLResponse, TestSystem } from '@hospital/test-support/system';
import { TEST_CALL_DEADLINE_MS } from '@hospital/service-kit/testing';
import { registerPatient } from '../support/patients.ts';
import { systemForFile } from '../support/system-database.ts';

let system: TestSystem;
let doctorToken: string;
let adminToken: string;

// A database of its own: the trail of each patient is checked row by row, and files running
// beside this one read patients they did not create (lists, exports) and so add rows.
const own = useOwnDatabase();

systemForFile(
  (running) => (system = running),
  undefined,
  () => own.database.url,
);
beforeAll(async () => {
  doctorToken = await system.tokenFor('doctor');
  adminToken = await system.tokenFor('admin');
});

/** The label each test gave a request, by the id the router minted for it (a client's x-request-id is not used). */
const labels = new Map<string, string>();
async function labelled<T>(label: string, sent: Promise<GraphQLResponse<T>>): Promise<GraphQLResponse<T>> {
  const result = await sent;
  labels.set(result.requestId!, label);
  return result;
}
/** A trail row with its request id shown as the test's label. */
const relabel = <R extends { requestId: string }>(row: R): R => ({ ...row, requestId: labels.get(row.requestId) ?? row.requestId });

const TRAIL = `query Trail($patientId: ID, $userId: ID, $first: Int, $after: String) {
  auditTrail(patientId: $patientId, userId: $userId, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { seq occurredAt actorKind actorId actorRole user { email } action operation resource patientId fields outcome reason ip userAgent requestId hash } }
  }
}`;

interface TrailNode {
  seq: string;
  actorKind: string;
  actorId: string | null;
  actorRole: string | null;
  user: { email: string } | null;
  action: string;
  operation: string | null;
  resource: string;
  patientId: string | null;
  fields: string[];
  outcome: string;
  reason: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string;
  hash: string;
}
type TrailResult = { auditTrail: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: TrailNode }[] } };

describe('audit trail of patient data', () => {
  it('records one row per access, with who, what, from where and the outcome; never the data', async () => {
    const familyName = `Audit${randomUUID().slice(0, 8)}`;
    const agent = { 'user-agent': 'EHR-Integration-Test/1.0' };
    const asDoctor = (query: string, variables: Record<string, unknown>, requestId: string) => labelled(requestId, system.gql(query, variables, doctorToken, agent));

    const registered = await asDoctor(
      'mutation Register($input: RegisterPatientInput!) { registerPatient(input: $input) { id } }',
      // Other test files give this phone to their patients in the run's shared database: not a duplicate check here.
      { input: { givenName: 'Ada', familyName, dateOfBirth: '1970-05-01', phone: '+44 20 7946 0000', allergies: ['penicillin'], allowPossibleDuplicate: true } },
      'req-audit-register',
    );
    expect(registered.errors).toBeUndefined();
    const patientId = (registered.data as { registerPatient: { id: string } }).registerPatient.id;

    const reads = [
      asDoctor('query Chart($id: ID!) { patient(id: $id) { id givenName allergies } }', { id: patientId }, 'req-audit-chart'),
      // Changing the phone and clearing the address are both writes.
      asDoctor(
        'mutation Update($id: ID!, $input: UpdatePatientInput!) { updatePatient(id: $id, input: $input) { id } }',
        { id: patientId, input: { phone: '+44 20 7946 0001', address: null } },
        'req-audit-update',
      ),
      asDoctor('query Find($search: String) { patients(search: $search) { edges { node { id } } } }', { search: familyName }, 'req-audit-search'),
    ];
    for (const result of await Promise.all(reads)) expect(result.errors).toBeUndefined();
    const archived = await labelled('req-audit-archive', system.gql('mutation Archive($id: ID!) { archivePatient(id: $id) { id } }', { id: patientId }, adminToken));
    expect(archived.errors).toBeUndefined();

    // A doctor's signed identity straight at the service asking to archive: refused, and recorded.
    const client = createPatientsClient({ target: system.grpcTargets.patients, deadlineMs: TEST_CALL_DEADLINE_MS });
    const doctor = { kind: 'user' as const, userId: system.accounts.doctor.id, role: 'doctor' as const, email: system.accounts.doctor.email };
    await expect(client.archivePatient({ id: patientId }, { metadata: callMetadata(signIdentity(doctor, system.internalSecret), 'req-audit-denied') })).rejects.toMatchObject({
      code: 7,
    });
    client.close();

    const trail = await system.gql<TrailResult>(TRAIL, { patientId, first: 50 }, adminToken);
    expect(trail.errors).toBeUndefined();
    const rows = trail.data!.auditTrail.edges.map((edge) => relabel(edge.node));
    // Six operations touched this patient: six rows, newest first.
    expect(trail.data!.auditTrail.totalCount).toBe(6);
    expect(rows.map((row) => [row.requestId, row.action, row.outcome])).toEqual(
      [
        ['req-audit-denied', 'PatientsService.ArchivePatient', 'DENIED'],
        ['req-audit-archive', 'PatientsService.ArchivePatient', 'ALLOWED'],
        ['req-audit-search', 'PatientsService.SearchPatients', 'ALLOWED'],
        ['req-audit-update', 'PatientsService.UpdatePatient', 'ALLOWED'],
        ['req-audit-chart', 'PatientsService.GetPatients', 'ALLOWED'],
        ['req-audit-register', 'PatientsService.RegisterPatient', 'ALLOWED'],
      ].sort((a, b) => rows.findIndex((r) => r.requestId === a[0]) - rows.findIndex((r) => r.requestId === b[0])),
    );
    // Newest first by chain position.
    expect(rows.map((row) => Number(row.seq))).toEqual([...rows.map((row) => Number(row.seq))].sort((a, b) => b - a));

    const byRequest = new Map(rows.map((row) => [row.requestId, row]));
    expect(byRequest.get('req-audit-chart')).toMatchObject({
      actorKind: 'USER',
      actorId: system.accounts.doctor.id,
      actorRole: 'DOCTOR',
      user: { email: system.accounts.doctor.email },
      operation: 'Chart',
      resource: 'Patient',
      patientId,
      fields: [],
      reason: null,
      userAgent: 'EHR-Integration-Test/1.0',
    });
    expect(byRequest.get('req-audit-chart')!.ip).toMatch(/127\.0\.0\.1/);
    expect(byRequest.get('req-audit-update')!.fields).toEqual(['phone', 'address']);
    expect(byRequest.get('req-audit-register')!.fields).toEqual(expect.arrayContaining(['givenName', 'familyName', 'dateOfBirth', 'phone', 'allergies']));
    expect(byRequest.get('req-audit-archive')).toMatchObject({ actorRole: 'ADMIN', operation: 'Archive', fields: ['archived'] });
    expect(byRequest.get('req-audit-denied')).toMatchObject({ actorRole: 'DOCTOR', reason: 'FORBIDDEN', operation: null, ip: null });
    // Ids and names of fields only: no value the doctor wrote appears anywhere in the trail.
    const text = JSON.stringify(rows);
    for (const secret of ['Ada', familyName, 'penicillin', '7946']) expect(text).not.toContain(secret);
  });

  it('records each patient once per request, however many aliases read them', async () => {
    // 100 patients sharing a family name, stored directly: the test is about the reads.
    const familyName = `Alias${randomUUID().slice(0, 8)}`;
    await own.db.patient.createMany({ data: Array.from({ length: 100 }, (_, i) => ({ givenName: `P${i}`, familyName, dateOfBirth: new Date('1980-01-01') })) });
    // Six aliases (4,200 of the 5,000 cost budget): twelve cost 8,400 with their audit rows and are refused (operation-cost.ts).
    const aliases = Array.from({ length: 6 }, (_, i) => `a${i}: patients(search: $search, first: 100) { edges { node { id } } }`).join('\n');
    const result = await labelled(
      'req-audit-aliases',
      system.gql<Record<string, { edges: unknown[] }>>(`query SixAliases($search: String) {\n${aliases}\n}`, { search: familyName }, doctorToken),
    );
    expect(result.errors).toBeUndefined();
    expect(Object.values(result.data!).map((connection) => connection.edges.length)).toEqual(Array(6).fill(100));

    const trail = await system.gql<TrailResult>(TRAIL, { userId: system.accounts.doctor.id, first: 100 }, adminToken);
    const rows = trail.data!.auditTrail.edges.map((edge) => relabel(edge.node)).filter((row) => row.requestId === 'req-audit-aliases');
    const second = await system.gql<TrailResult>(TRAIL, { userId: system.accounts.doctor.id, first: 100, after: trail.data!.auditTrail.pageInfo.endCursor }, adminToken);
    rows.push(...second.data!.auditTrail.edges.map((edge) => relabel(edge.node)).filter((row) => row.requestId === 'req-audit-aliases'));
    expect(rows).toHaveLength(100);
    expect(new Set(rows.map((row) => row.patientId)).size).toBe(100);
    // Skipped duplicates take no place in the chain: it stays gapless and intact.
    const status = await system.gql<{ auditChainStatus: { ok: boolean } }>('{ auditChainStatus { ok } }', {}, adminToken);
    expect(status.data!.auditChainStatus.ok).toBe(true);
  });

  it('records a repeat read although the client sends the same x-request-id again (the router mints the id)', async () => {
    const patientId = await registerPatient(system, { givenName: 'Twice', familyName: `Reused${randomUUID().slice(0, 8)}`, dateOfBirth: '1955-04-04' }, doctorToken);
    const read = () => system.gql('query Chart($id: ID!) { patient(id: $id) { id } }', { id: patientId }, doctorToken, { 'x-request-id': 'req-reused-by-client' });
    const first = await read();
    const second = await read();
    expect(first.requestId).not.toBe(second.requestId);
    const trail = await system.gql<TrailResult>(TRAIL, { patientId, first: 10 }, adminToken);
    expect(trail.data!.auditTrail.edges.map((edge) => edge.node.action)).toEqual(['PatientsService.GetPatients', 'PatientsService.GetPatients', 'PatientsService.RegisterPatient']);
  });

  it("audits reads of the trail itself: which admin read whose accesses, and a doctor's attempt", async () => {
    const patientId = await registerPatient(system, { givenName: 'Trail', familyName: `Reader${randomUUID().slice(0, 8)}`, dateOfBirth: '1950-03-03' }, doctorToken);
    expect((await labelled('req-trail-read', system.gql(TRAIL, { patientId, first: 5 }, adminToken))).errors).toBeUndefined();
    expect((await labelled('req-trail-verify', system.gql('{ auditChainStatus { ok } }', {}, adminToken))).errors).toBeUndefined();
    await labelled('req-trail-peek', system.gql(TRAIL, { patientId, first: 5 }, doctorToken));

    const trail = await system.gql<TrailResult>(TRAIL, { userId: system.accounts.admin.id, first: 50 }, adminToken);
    const byRequest = new Map(trail.data!.auditTrail.edges.map((edge) => [relabel(edge.node).requestId, edge.node]));
    expect(byRequest.get('req-trail-read')).toMatchObject({ action: 'AuditService.ListAccessRecords', resource: 'AccessRecord', patientId, outcome: 'ALLOWED' });
    expect(byRequest.get('req-trail-verify')).toMatchObject({ action: 'AuditService.VerifyAuditChain', resource: 'AccessRecord', patientId: null, outcome: 'ALLOWED' });
    const attempts = await system.gql<TrailResult>(TRAIL, { userId: system.accounts.doctor.id, first: 20 }, adminToken);
    const peek = attempts.data!.auditTrail.edges.map((edge) => relabel(edge.node)).find((row) => row.requestId === 'req-trail-peek');
    expect(peek).toMatchObject({ outcome: 'DENIED', reason: 'FORBIDDEN', patientId });
  });

  it('records operations the router refused at the edge, naming the patient and the refused fields', async () => {
    const patientId = await registerPatient(system, { givenName: 'Edge', familyName: `Refused${randomUUID().slice(0, 8)}`, dateOfBirth: '1960-02-02' }, doctorToken);
    const refused = await labelled(
      'req-audit-edge',
      system.gql(
        'query FinanceLooksAtAllergies($id: ID!) { patient(id: $id) { fullName allergies } }',
        { id: patientId },
        await system.tokenFor('finance'),
        // A tab is legal in a header and must not keep the refusal out of the trail.
        { 'user-agent': 'Billing-Desk/2.0\t(till 3)' },
      ),
    );
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const trail = await system.gql<TrailResult>(TRAIL, { patientId, first: 10 }, adminToken);
    const rows = trail.data!.auditTrail.edges.map((edge) => relabel(edge.node));
    // Registration (allowed) and the refused look (denied, never reached a service).
    expect(rows.map((row) => row.outcome)).toEqual(['DENIED', 'ALLOWED']);
    expect(rows[0]).toMatchObject({
      actorRole: 'FINANCE',
      actorId: system.accounts.finance.id,
      action: 'Router.query',
      operation: 'FinanceLooksAtAllergies',
      resource: 'GraphQL operation',
      fields: ['Patient.allergies'],
      reason: 'FORBIDDEN',
      userAgent: 'Billing-Desk/2.0 (till 3)',
      requestId: 'req-audit-edge',
    });
  });

  it('records subscriptions refused on the WebSocket too', async () => {
    const finance = system.accounts.finance;
    const client = createClient({
      url: system.routerUrl.replace(/^http/, 'ws'),
      webSocketImpl: class extends WebSocket {
        constructor(address: string, protocols?: string | string[]) {
          super(address, protocols, { headers: { 'user-agent': 'Billing-Socket/1.0' } });
        }
      },
      retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${await system.tokenFor('finance')}` },
    });
    const refusal = await new Promise<Array<{ extensions?: { code?: string } }>>((resolve) => {
      client.subscribe(
        { query: 'subscription FinanceWatches { appointmentEvents { id } }' },
        { next: () => undefined, error: (e) => resolve(e as never), complete: () => resolve([]) },
      );
    });
    await client.dispose();
    expect(refusal[0]?.extensions?.code).toBe('FORBIDDEN');
    const trail = await system.gql<TrailResult>(TRAIL, { userId: finance.id, first: 20 }, adminToken);
    const row = trail.data!.auditTrail.edges.map((edge) => edge.node).find((node) => node.operation === 'FinanceWatches');
    expect(row).toMatchObject({
      action: 'Router.subscription',
      outcome: 'DENIED',
      reason: 'FORBIDDEN',
      fields: ['Subscription.appointmentEvents'],
      userAgent: 'Billing-Socket/1.0',
    });
    expect(row!.ip).toMatch(/127\.0\.0\.1/);
  });

  it('takes refusal reports from the system only, and checks them like any input', async () => {
    const client = createAuditClient({ target: system.grpcTargets.identity, deadlineMs: TEST_CALL_DEADLINE_MS });
    const refusal = {
      userId: system.accounts.doctor.id,
      userRole: 'doctor',
      operationType: 'query',
      operation: '',
      fields: ['Patient.allergies'],
      patientIds: [],
      reason: 'FORBIDDEN',
      ip: '',
      userAgent: '',
      requestId: 'req-forged-refusal',
    };
    const admin = { kind: 'user' as const, userId: system.accounts.admin.id, role: 'admin' as const, email: system.accounts.admin.email };
    // Not even an admin may write the trail.
    await expect(client.recordRefusedOperation(refusal, { metadata: callMetadata(signIdentity(admin, system.internalSecret), 'r1') })).rejects.toMatchObject({ code: 7 });
    const router = callMetadata(signIdentity({ kind: 'service', service: 'router' }, system.internalSecret), 'r2');
    await expect(client.recordRefusedOperation({ ...refusal, userRole: 'superuser' }, { metadata: router })).rejects.toMatchObject({ code: 3 });
    await expect(client.recordRefusedOperation({ ...refusal, requestId: 'a\u0000b' }, { metadata: router })).rejects.toMatchObject({ code: 3 });
    client.close();
  });

  it("answers a user's accesses too, paged", async () => {
    const first = await system.gql<TrailResult>(TRAIL, { userId: system.accounts.doctor.id, first: 2 }, adminToken);
    expect(first.errors).toBeUndefined();
    expect(first.data!.auditTrail.edges).toHaveLength(2);
    expect(first.data!.auditTrail.pageInfo.hasNextPage).toBe(true);
    const next = await system.gql<TrailResult>(TRAIL, { userId: system.accounts.doctor.id, first: 2, after: first.data!.auditTrail.pageInfo.endCursor }, adminToken);
    const seqs = [...first.data!.auditTrail.edges, ...next.data!.auditTrail.edges].map((edge) => Number(edge.node.seq));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    for (const edge of next.data!.auditTrail.edges) expect(edge.node.actorId).toBe(system.accounts.doctor.id);
  });

  it('is for admins only, and refuses bad filters with a typed error', async () => {
    for (const role of ['doctor', 'finance', 'pharmacist', 'ward_staff'] as const) {
      const result = await system.gql(TRAIL, { first: 1 }, await system.tokenFor(role));
      expect(result.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
    const bad = await system.gql(TRAIL, { patientId: 'not-a-uuid' }, adminToken);
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const badCursor = await system.gql(TRAIL, { after: 'garbage' }, adminToken);
    expect(badCursor.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('reports an intact hash chain', async () => {
    const result = await system.gql<{ auditChainStatus: { ok: boolean; records: number; headSeq: string; brokenSeq: string | null } }>(
      '{ auditChainStatus { ok records headSeq headHash brokenSeq problem } }',
      {},
      adminToken,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.auditChainStatus).toMatchObject({ ok: true, brokenSeq: null });
    expect(result.data!.auditChainStatus.records).toBeGreaterThanOrEqual(6);
  });
});
