/**
 * Object-level access end to end, where roles alone are not enough: a doctor sees only their own
 * appointments, ward staff only the wards they are assigned to, finance billing but no clinical
 * fields. Every refusal is checked twice: through the router, and straight at the owning
 * subgraph's `_entities` with a valid router-signed identity (the federation entry point a
 * crafted plan would use). Other doctors' and other wards' records come back as nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { IDENTITY_HEADER, signIdentity, type Caller, type RoleName } from '@hospital/service-kit';
import { extraAccount, type ExtraAccount } from './account-fixtures.ts';
import { appointmentFixtures, type BookedAppointment } from './appointment-fixtures.ts';
import type { GraphQLResponse, TestSystem } from '@hospital/test-support/system';
import { dataOf, wardFixtures, type SeededAdmission, type SeededWard } from './ward-fixtures.ts';
import { systemForFile } from '../support/system-database.ts';

let system: TestSystem;
const appointments = appointmentFixtures(() => system);
const wards = wardFixtures(() => system);

/** A second account of a role, created by the admin, with its token. */
const otherAccount = (role: 'DOCTOR' | 'WARD_STAFF') => extraAccount(system, role, `Other ${role}`);

/**
 * Posts an `_entities` query straight to a subgraph, as the router would, signed as `caller`.
 * @param subgraph - department name
 * @param caller - the identity to sign
 * @param selection - the inline fragment, e.g. `... on Appointment { id reason }`
 * @param representations - the entity keys
 */
async function entities(subgraph: string, caller: Caller, selection: string, representations: object[]): Promise<GraphQLResponse<{ _entities: unknown[] }>> {
  const response = await fetch(system.subgraphUrls[subgraph]!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: signIdentity(caller, system.internalSecret) },
    body: JSON.stringify({ query: `query($r: [_Any!]!) { _entities(representations: $r) { ${selection} } }`, variables: { r: representations } }),
  });
  return { status: response.status, ...((await response.json()) as Omit<GraphQLResponse, 'status'>) } as GraphQLResponse<{ _entities: unknown[] }>;
}

/** A signed-in caller as the router would sign it. */
const user = (role: RoleName, userId: string): Caller => ({ kind: 'user', userId, role, email: `${role}@test.hospital.local` });
const codeOf = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.['code'];

systemForFile((running) => (system = running));

describe("a doctor and a colleague's appointment", () => {
  let colleague: ExtraAccount;
  let theirs: BookedAppointment;
  let patientId: string;

  beforeAll(async () => {
    colleague = await otherAccount('DOCTOR');
    patientId = await appointments.patient();
    const booked = await system.gql<{ bookAppointment: BookedAppointment }>(
      'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id status startsAt endsAt reason patient { id } doctor { id } } }',
      { i: { patientId, doctorId: colleague.id, ...appointments.slot(600), reason: 'Private matter' } },
      await system.tokenFor('admin'),
    );
    theirs = dataOf(booked).bookAppointment;
  });

  it('leaves a denied row in the audit trail, naming the patient, for each refused look or change', async () => {
    const doctor = await system.tokenFor('doctor');
    const peek = await system.gql('query Peek($id: ID!) { appointment(id: $id) { id } }', { id: theirs.id }, doctor);
    expect(peek.data).toEqual({ appointment: null });
    const cancel = await system.gql('mutation Cancel($id: ID!) { cancelAppointment(id: $id, reason: "mine now") { id } }', { id: theirs.id }, doctor);
    expect(cancel.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const trail = await system.gql<{
      auditTrail: { edges: { node: { requestId: string; action: string; outcome: string; reason: string | null; actorId: string; patientId: string } }[] };
    }>(
      'query($p: ID!) { auditTrail(patientId: $p, first: 50) { edges { node { requestId action outcome reason actorId patientId } } } }',
      { p: patientId },
      await system.tokenFor('admin'),
    );
    const denied = dataOf(trail)
      .auditTrail.edges.map((edge) => edge.node)
      .filter((row) => row.requestId === peek.requestId || row.requestId === cancel.requestId);
    expect(denied).toEqual(
      expect.arrayContaining([
        { requestId: peek.requestId, action: 'AppointmentsService.GetAppointments', outcome: 'DENIED', reason: 'OBJECT_ACCESS', actorId: system.accounts.doctor.id, patientId },
        { requestId: cancel.requestId, action: 'AppointmentsService.CancelAppointment', outcome: 'DENIED', reason: 'OBJECT_ACCESS', actorId: system.accounts.doctor.id, patientId },
      ]),
    );
  });

  it('gets nothing through the router: null by id, nothing on the patient, NOT_FOUND to change it', async () => {
    const doctor = await system.tokenFor('doctor');
    const read = await system.gql(
      'query($id: ID!, $p: ID!) { appointment(id: $id) { id reason } patient(id: $p) { appointments { totalCount edges { node { id } } } } }',
      { id: theirs.id, p: patientId },
      doctor,
    );
    expect(dataOf(read)).toEqual({ appointment: null, patient: { appointments: { totalCount: 0, edges: [] } } });
    const own = await system.gql('{ appointments(first: 100) { edges { node { id } } } }', {}, doctor);
    expect(JSON.stringify(dataOf(own))).not.toContain(theirs.id);
    expect(codeOf(await system.gql('query($d: ID!) { appointments(doctorId: $d) { totalCount } }', { d: colleague.id }, doctor))).toBe('FORBIDDEN');
    for (const mutation of ['cancelAppointment(id: $id)', 'checkInAppointment(id: $id)', 'markNoShow(id: $id)']) {
      expect(codeOf(await system.gql(`mutation($id: ID!) { ${mutation} { id } }`, { id: theirs.id }, doctor))).toBe('NOT_FOUND');
    }
    // The appointment's own doctor, and reception, still see it unchanged.
    const mine = await system.gql('query($id: ID!) { appointment(id: $id) { id status reason } }', { id: theirs.id }, colleague.token);
    expect(dataOf(mine)).toEqual({ appointment: { id: theirs.id, status: 'SCHEDULED', reason: 'Private matter' } });
    expect(dataOf(await system.gql('query($id: ID!) { appointment(id: $id) { id } }', { id: theirs.id }, await system.tokenFor('ward_staff')))).toEqual({
      appointment: { id: theirs.id },
    });
  });

  it("lists only their own patients by default, while a search still finds the colleague's patient to book", async () => {
    const doctor = await system.tokenFor('doctor');
    const minePatient = await appointments.patient();
    await appointments.book(minePatient, appointments.slot(630));
    const mine = dataOf(await system.gql<{ myPatients: { id: string }[] }>('{ myPatients(first: 100) { id mrn } }', {}, doctor)).myPatients.map((p) => p.id);
    expect(mine).toContain(minePatient);
    expect(mine).not.toContain(patientId);
    const theirs = dataOf(await system.gql<{ myPatients: { id: string }[] }>('{ myPatients { id } }', {}, colleague.token)).myPatients.map((p) => p.id);
    expect(theirs).toEqual([patientId]);
    const { patient } = dataOf(await system.gql<{ patient: { mrn: string } }>('query($p: ID!) { patient(id: $p) { mrn } }', { p: patientId }, doctor));
    const found = await system.gql<{ patients: { edges: { node: { id: string } }[] } }>(
      'query($s: String) { patients(search: $s) { edges { node { id } } } }',
      { s: patient.mrn },
      doctor,
    );
    expect(dataOf(found).patients.edges.map((e) => e.node.id)).toEqual([patientId]);
  });

  it("gets nothing straight from the appointments subgraph's _entities with a valid signed identity", async () => {
    const asDoctor = user('doctor', system.accounts.doctor.id);
    const appointment = await entities('appointments', asDoctor, '... on Appointment { id reason patient { id } }', [{ __typename: 'Appointment', id: theirs.id }]);
    expect(appointment.errors).toBeUndefined();
    expect(appointment.data?._entities).toEqual([null]);
    const onPatient = await entities('appointments', asDoctor, '... on Patient { appointments { totalCount } }', [{ __typename: 'Patient', id: patientId }]);
    expect(onPatient.data?._entities).toEqual([{ appointments: { totalCount: 0 } }]);
    const asOwner = await entities('appointments', user('doctor', colleague.id), '... on Appointment { id }', [{ __typename: 'Appointment', id: theirs.id }]);
    expect(asOwner.data?._entities).toEqual([{ id: theirs.id }]);
  });
});

describe("ward staff and another ward's records", () => {
  let outsider: ExtraAccount;
  let ward: SeededWard;
  let admission: SeededAdmission;

  beforeAll(async () => {
    outsider = await otherAccount('WARD_STAFF');
    // The fixture assigns the system's ward staff account; the outsider works elsewhere.
    ward = await wards.ward(['1', '2']);
    admission = await wards.admit(await wards.patient(), ward.beds[0]!);
  });

  it('gets nothing through the router: unknown ward, bed and admission; no stay on the patient', async () => {
    const read = await system.gql(
      'query($w: ID!, $a: ID!, $p: ID!) { wards { id } ward(id: $w) { id } admission(id: $a) { id reason } admissions(wardId: $w) { totalCount } patient(id: $p) { currentAdmission { id } admissions { id } } }',
      { w: ward.id, a: admission.id, p: admission.patientId },
      outsider.token,
    );
    const data = dataOf(read) as { wards: { id: string }[] } & Record<string, unknown>;
    expect(data.wards.map((w) => w.id)).not.toContain(ward.id);
    expect(data).toMatchObject({ ward: null, admission: null, admissions: { totalCount: 0 }, patient: { currentAdmission: null, admissions: [] } });
    expect(codeOf(await system.gql('query($w: ID!) { bedBoard(wardId: $w) { id } }', { w: ward.id }, outsider.token))).toBe('NOT_FOUND');
    const admit = await system.gql(
      'mutation($i: AdmitPatientInput!) { admitPatient(input: $i) { id } }',
      { i: { patientId: await wards.patient(), bedId: ward.beds[1], reason: 'x' } },
      outsider.token,
    );
    expect(codeOf(admit)).toBe('NOT_FOUND');
    const discharge = await system.gql('mutation($a: ID!) { dischargePatient(admissionId: $a, summary: "x") { id } }', { a: admission.id }, outsider.token);
    expect(codeOf(discharge)).toBe('NOT_FOUND');
    // The assigned staff member sees the same records.
    const theirs = await system.gql('query($a: ID!) { admission(id: $a) { id status } }', { a: admission.id }, await system.tokenFor('ward_staff'));
    expect(dataOf(theirs)).toEqual({ admission: { id: admission.id, status: 'ADMITTED' } });
  });

  it("gets nothing straight from the ward subgraph's _entities with a valid signed identity", async () => {
    const asOutsider = user('ward_staff', outsider.id);
    const found = await entities('ward', asOutsider, '... on Admission { id reason bed { label } } ... on Patient { currentAdmission { id } }', [
      { __typename: 'Admission', id: admission.id },
      { __typename: 'Patient', id: admission.patientId },
    ]);
    expect(found.errors).toBeUndefined();
    expect(found.data?._entities).toEqual([null, { currentAdmission: null }]);
    const asAssigned = await entities('ward', user('ward_staff', system.accounts.ward_staff.id), '... on Admission { id }', [{ __typename: 'Admission', id: admission.id }]);
    expect(asAssigned.data?._entities).toEqual([{ id: admission.id }]);
  });

  it('sees the ward once an admin assigns them, and not after unassigning; only admins assign', async () => {
    const admin = await system.tokenFor('admin');
    const assign = 'mutation($u: ID!, $w: ID!) { assignStaffToWard(userId: $u, wardId: $w) { id staff { id } } }';
    expect(codeOf(await system.gql(assign, { u: outsider.id, w: ward.id }, await system.tokenFor('ward_staff')))).toBe('FORBIDDEN');
    const assigned = dataOf(await system.gql<{ assignStaffToWard: { staff: { id: string }[] } }>(assign, { u: outsider.id, w: ward.id }, admin));
    expect(assigned.assignStaffToWard.staff.map((s) => s.id)).toEqual(expect.arrayContaining([outsider.id, system.accounts.ward_staff.id]));
    expect(dataOf(await system.gql('query($w: ID!) { ward(id: $w) { id } }', { w: ward.id }, outsider.token))).toEqual({ ward: { id: ward.id } });
    dataOf(await system.gql('mutation($u: ID!, $w: ID!) { unassignStaffFromWard(userId: $u, wardId: $w) { id } }', { u: outsider.id, w: ward.id }, admin));
    expect(dataOf(await system.gql('query($w: ID!) { ward(id: $w) { id } }', { w: ward.id }, outsider.token))).toEqual({ ward: null });
  });
});

describe('finance', () => {
  let patientId: string;
  let appointmentId: string;
  let admissionId: string;

  beforeAll(async () => {
    patientId = await appointments.patient();
    appointmentId = (await appointments.book(patientId, appointments.slot(660))).id;
    const ward = await wards.ward(['1']);
    admissionId = (await wards.admit(patientId, ward.beds[0]!)).id;
  });

  it('reads billing: invoices, a patient’s invoices and balance', async () => {
    const finance = await system.tokenFor('finance');
    const result = await system.gql(
      'query($p: ID!) { invoices(first: 5) { totalCount } patient(id: $p) { fullName invoices { id } balance { amountMinor } } }',
      { p: patientId },
      finance,
    );
    expect(dataOf(result)).toMatchObject({ invoices: { totalCount: expect.any(Number) }, patient: { invoices: [], balance: [] } });
  });

  // Each query names only the variables it uses (GraphQL refuses unused ones before @auth is checked).
  it.each([
    ['allergies', 'query($p: ID!) { patient(id: $p) { allergies } }'],
    ['prescriptions on the patient', 'query($p: ID!) { patient(id: $p) { prescriptions { id } } }'],
    ['the patient’s appointments', 'query($p: ID!) { patient(id: $p) { appointments { totalCount } } }'],
    ['the patient’s admissions', 'query($p: ID!) { patient(id: $p) { currentAdmission { reason } admissions { id } } }'],
    ['prescriptions by list', 'query($p: ID!) { prescriptions(patientId: $p) { totalCount } }'],
    ['an appointment’s reason', 'query($a: ID!) { appointment(id: $a) { reason } }'],
    ['an admission’s diagnosis and discharge summary', 'query($d: ID!) { admission(id: $d) { reason dischargeSummary } }'],
  ])('is FORBIDDEN %s, and the whole request is refused', async (_what, query) => {
    const all = { p: patientId, a: appointmentId, d: admissionId };
    const variables = Object.fromEntries(Object.entries(all).filter(([name]) => query.includes(`$${name}:`)));
    const result = await system.gql(query, variables, await system.tokenFor('finance'));
    expect(codeOf(result), JSON.stringify(result.errors)).toBe('FORBIDDEN');
    expect(result.data ?? null).toBeNull();
  });

  it("gets FORBIDDEN for clinical entities straight from the subgraphs' _entities", async () => {
    const finance = user('finance', system.accounts.finance.id);
    const appointment = await entities('appointments', finance, '... on Appointment { reason }', [{ __typename: 'Appointment', id: appointmentId }]);
    expect(codeOf(appointment)).toBe('FORBIDDEN');
    const admission = await entities('ward', finance, '... on Admission { reason }', [{ __typename: 'Admission', id: admissionId }]);
    expect(codeOf(admission)).toBe('FORBIDDEN');
  });
});
