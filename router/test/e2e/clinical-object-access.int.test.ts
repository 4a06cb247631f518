/**
 * Object-level rules on clinical data, end to end through the router with every real service:
 * only its prescriber cancels a prescription; only the care team (the patient's doctor, the staff
 * of the ward they lie on, admins) changes an allergy list, and every change is kept in
 * `Patient.allergyHistory`; a doctor moved to finance reads no visit reason in old notifications.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appointmentFixtures } from './appointment-fixtures.ts';
import { pharmacyFixtures } from './pharmacy-fixtures.ts';
import type { GraphQLResponse, TestSystem } from '@hospital/test-support/system';
import { extraAccount, login } from './account-fixtures.ts';
import { dataOf, wardFixtures } from './ward-fixtures.ts';
import { systemForFile } from '../support/system-database.ts';

let system: TestSystem;
const appointments = appointmentFixtures(() => system);
const wards = wardFixtures(() => system);
const pharmacy = pharmacyFixtures(() => system);

const codeOf = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.['code'];

/** A fresh account of a role, created by the admin, signed in. */
const account = (role: 'DOCTOR' | 'WARD_STAFF') => extraAccount(system, role, `Dr Other ${role}`);

/** Denied audit rows of one request, as an admin reads them. */
async function deniedRows(patientId: string, requestId: string) {
  const trail = await system.gql<{ auditTrail: { edges: { node: { requestId: string; action: string; outcome: string; reason: string | null; actorId: string } }[] } }>(
    'query($p: ID!) { auditTrail(patientId: $p, first: 50) { edges { node { requestId action outcome reason actorId } } } }',
    { p: patientId },
    await system.tokenFor('admin'),
  );
  return dataOf(trail)
    .auditTrail.edges.map((edge) => edge.node)
    .filter((row) => row.requestId === requestId && row.outcome === 'DENIED');
}

systemForFile((running) => (system = running));

describe("a colleague's prescription", () => {
  it('cannot be cancelled by another doctor (NOT_FOUND, audited as denied); its prescriber cancels it', async () => {
    const drug = await pharmacy.drug([{ lotNumber: `CL-${randomUUID().slice(0, 6)}`, quantity: 10, expiresOn: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10) }]);
    const patientId = await pharmacy.patient();
    const prescriptionId = await pharmacy.prescription(patientId, drug.id, 1);
    const colleague = await account('DOCTOR');
    const cancel = 'mutation CancelRx($id: ID!) { cancelPrescription(id: $id, reason: "Not my patient") { id status } }';
    const refused = await system.gql(cancel, { id: prescriptionId }, colleague.token);
    expect(codeOf(refused)).toBe('NOT_FOUND');
    expect(await deniedRows(patientId, refused.requestId!)).toEqual([
      { requestId: refused.requestId, action: 'PharmacyService.CancelPrescription', outcome: 'DENIED', reason: 'OBJECT_ACCESS', actorId: colleague.id },
    ]);
    expect(codeOf(await system.gql(cancel, { id: prescriptionId }, await system.tokenFor('admin')))).toBe('FORBIDDEN');
    const mine = await system.gql<{ cancelPrescription: { status: string } }>(cancel, { id: prescriptionId }, await system.tokenFor('doctor'));
    expect(dataOf(mine).cancelPrescription.status).toBe('CANCELLED');
  });
});

describe("a patient's allergy list", () => {
  const UPDATE = 'mutation Allergies($id: ID!, $a: [String!]) { updatePatient(id: $id, input: { allergies: $a }) { allergies } }';
  const HISTORY = 'query($id: ID!) { patient(id: $id) { allergies allergyHistory { edges { node { changedAt changedBy { id } changedByRole before after } } } } }';

  it('is changed only by a doctor with a live or past appointment, audited when refused', async () => {
    const patientId = await appointments.patient();
    const stranger = await account('DOCTOR');
    const refused = await system.gql(UPDATE, { id: patientId, a: ['Penicillin'] }, stranger.token);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(await deniedRows(patientId, refused.requestId!)).toEqual([
      { requestId: refused.requestId, action: 'PatientsService.UpdatePatient', outcome: 'DENIED', reason: 'FORBIDDEN', actorId: stranger.id },
    ]);
    // A cancelled appointment is no relationship; a booked one is.
    const booked = await system.gql<{ bookAppointment: { id: string } }>(
      'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }',
      { i: { patientId, ...appointments.slot(900) } },
      stranger.token,
    );
    const appointmentId = dataOf(booked).bookAppointment.id;
    dataOf(await system.gql('mutation($id: ID!) { cancelAppointment(id: $id, reason: "Booked by mistake") { id } }', { id: appointmentId }, stranger.token));
    expect(codeOf(await system.gql(UPDATE, { id: patientId, a: ['Penicillin'] }, stranger.token))).toBe('FORBIDDEN');
    await appointments.book(patientId, appointments.slot(960));
    const doctor = await system.tokenFor('doctor');
    expect(dataOf(await system.gql<{ updatePatient: { allergies: string[] } }>(UPDATE, { id: patientId, a: ['Penicillin'] }, doctor)).updatePatient.allergies).toEqual([
      'Penicillin',
    ]);
    const read = dataOf(
      await system.gql<{ patient: { allergies: string[]; allergyHistory: { edges: { node: unknown }[] } } }>(HISTORY, { id: patientId }, await system.tokenFor('pharmacist')),
    );
    expect(read.patient.allergyHistory.edges.map((edge) => edge.node)).toEqual([
      { changedAt: expect.any(String), changedBy: { id: system.accounts.doctor.id }, changedByRole: 'DOCTOR', before: [], after: ['Penicillin'] },
    ]);
  });

  it('is changed by ward staff only while the patient lies on their ward, and by admins', async () => {
    const ward = await wards.ward(['1']);
    const patientId = await wards.patient();
    const admission = await wards.admit(patientId, ward.beds[0]!);
    const outsider = await account('WARD_STAFF');
    expect(codeOf(await system.gql(UPDATE, { id: patientId, a: ['Latex'] }, outsider.token))).toBe('FORBIDDEN');
    const nurse = await system.tokenFor('ward_staff');
    dataOf(await system.gql(UPDATE, { id: patientId, a: ['Latex'] }, nurse));
    dataOf(await system.gql('mutation($a: ID!) { dischargePatient(admissionId: $a, summary: "Home") { id } }', { a: admission.id }, nurse));
    expect(codeOf(await system.gql(UPDATE, { id: patientId, a: [] }, nurse))).toBe('FORBIDDEN');
    dataOf(await system.gql(UPDATE, { id: patientId, a: ['Latex', 'Iodine'] }, await system.tokenFor('admin')));
    const history = dataOf(
      await system.gql<{ patient: { allergyHistory: { edges: { node: { changedBy: { id: string }; before: string[]; after: string[] } }[] } } }>(HISTORY, { id: patientId }, nurse),
    );
    // Newest first.
    expect(history.patient.allergyHistory.edges.map(({ node: c }) => [c.changedBy.id, c.before, c.after])).toEqual([
      [system.accounts.admin.id, ['Latex'], ['Latex', 'Iodine']],
      [system.accounts.ward_staff.id, [], ['Latex']],
    ]);
    expect(
      codeOf(await system.gql('query($id: ID!) { patient(id: $id) { allergyHistory { edges { node { after } } } } }', { id: patientId }, await system.tokenFor('finance'))),
    ).toBe('FORBIDDEN');
  });
});

describe('a doctor moved to finance', () => {
  it('reads neither patient nor visit reason in their old notifications, and the appointment refuses them', async () => {
    const moved = await account('DOCTOR');
    const patientId = await appointments.patient();
    const booked = await system.gql<{ bookAppointment: { id: string } }>(
      'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }',
      { i: { patientId, ...appointments.slot(480), reason: 'Suspected melanoma' } },
      moved.token,
    );
    const appointmentId = dataOf(booked).bookAppointment.id;
    const MY = 'query { myNotifications(first: 50) { edges { node { body appointmentId } } } }';
    const deadline = Date.now() + 15_000;
    let body: string | undefined;
    while (!body && Date.now() < deadline) {
      const page = dataOf(await system.gql<{ myNotifications: { edges: { node: { body: string; appointmentId: string } }[] } }>(MY, {}, moved.token));
      body = page.myNotifications.edges.find((edge) => edge.node.appointmentId === appointmentId)?.node.body;
      if (!body) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(body, 'the booking notification').toBeDefined();
    dataOf(await system.gql('mutation($id: ID!) { changeUserRole(id: $id, role: FINANCE) { id } }', { id: moved.id }, await system.tokenFor('admin')));
    const asFinance = await login(system, moved.email, moved.password);
    const page = dataOf(await system.gql<{ myNotifications: { edges: { node: { body: string; appointmentId: string } }[] } }>(MY, {}, asFinance));
    const old = page.myNotifications.edges.find((edge) => edge.node.appointmentId === appointmentId);
    expect(old?.node.body).toBeDefined();
    expect(old!.node.body).not.toMatch(/melanoma/i);
    const { patient } = dataOf(
      await system.gql<{ patient: { familyName: string; mrn: string } }>('query($p: ID!) { patient(id: $p) { familyName mrn } }', { p: patientId }, await system.tokenFor('admin')),
    );
    expect(old!.node.body).not.toContain(patient.familyName);
    expect(old!.node.body).not.toContain(patient.mrn);
    const reason = await system.gql('query { myNotifications(first: 50) { edges { node { appointment { reason } } } } }', {}, asFinance);
    expect(codeOf(reason)).toBe('FORBIDDEN');
  });
});
