/**
 * The appointments rows of the role table, walked through the router: clinicians and reception
 * read schedules; admins and doctors book, move, cancel, complete and mark no-shows; reception
 * (ward staff) also checks patients in. Pharmacy and finance see no appointments.
 */
import { beforeAll } from 'vitest';
import { appointmentFixtures } from './appointment-fixtures.ts';
import { describeRoleTable, type RoleRow } from './role-table.ts';
import type { TestSystem } from '@hospital/test-support/system';
import { systemForFile } from '../support/system-database.ts';
import { dataOf } from './ward-fixtures.ts';

let system: TestSystem;
const fx = appointmentFixtures(() => system);
let patientId: string;
/** Every call gets a slot of its own: the doctor's day fills up 30 minutes at a time. */
let nextOffset = 0;
const freshSlot = () => fx.slot((nextOffset += 30));
/** Appointments prepared per row, one per caller (forbidden callers use theirs up unchanged). */
const pools: Record<'scheduled' | 'reschedule' | 'cancel' | 'noShow' | 'checkedIn', string[]> = { scheduled: [], reschedule: [], cancel: [], noShow: [], checkedIn: [] };
const take = (pool: keyof typeof pools) => {
  const id = pools[pool].shift();
  if (!id) throw new Error(`pool ${pool} is empty`);
  return id;
};

const CLINIC: RoleRow['allowed'] = ['admin', 'doctor', 'ward_staff'];
const SCHEDULERS: RoleRow['allowed'] = ['admin', 'doctor'];

const ROWS: RoleRow[] = [
  {
    name: 'query appointments',
    allowed: CLINIC,
    query: 'query($p: ID) { appointments(patientId: $p, first: 5) { totalCount edges { node { id status } } } }',
    variables: () => ({ p: patientId }),
  },
  {
    name: 'query appointment',
    allowed: CLINIC,
    query: 'query($id: ID!) { appointment(id: $id) { id status startsAt history { to } } }',
    variables: () => ({ id: pools.scheduled[0] }),
  },
  { name: 'query myPatients', allowed: ['doctor'], query: '{ myPatients(first: 5) { id fullName } }' },
  {
    name: 'read Patient.appointments',
    allowed: CLINIC,
    query: 'query($id: ID!) { patient(id: $id) { id appointments(first: 3) { totalCount } } }',
    variables: () => ({ id: patientId }),
  },
  {
    name: 'mutation bookAppointment',
    allowed: ['admin', 'doctor', 'ward_staff'],
    query: 'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id status } }',
    variables: () => ({ input: { patientId, doctorId: system.accounts.doctor.id, ...freshSlot() } }),
  },
  {
    name: 'mutation rescheduleAppointment',
    // Reception moves and cancels for any doctor (issue 14).
    allowed: CLINIC,
    query: 'mutation($id: ID!, $s: DateTime!, $e: DateTime!) { rescheduleAppointment(id: $id, startsAt: $s, endsAt: $e) { id startsAt } }',
    variables: () => {
      const slot = freshSlot();
      return { id: take('reschedule'), s: slot.startsAt, e: slot.endsAt };
    },
  },
  {
    name: 'mutation cancelAppointment',
    allowed: CLINIC,
    query: 'mutation($id: ID!) { cancelAppointment(id: $id, reason: "Role table") { id status } }',
    variables: () => ({ id: take('cancel') }),
  },
  {
    name: 'mutation checkInAppointment',
    allowed: CLINIC,
    query: 'mutation($id: ID!) { checkInAppointment(id: $id) { id status } }',
    variables: () => ({ id: take('scheduled') }),
  },
  {
    name: 'mutation completeAppointment',
    allowed: SCHEDULERS,
    query: 'mutation($id: ID!) { completeAppointment(id: $id) { id status } }',
    variables: () => ({ id: take('checkedIn') }),
  },
  {
    name: 'mutation markNoShow',
    allowed: SCHEDULERS,
    query: 'mutation($id: ID!) { markNoShow(id: $id) { id status } }',
    variables: () => ({ id: take('noShow') }),
  },
];

systemForFile((running) => (system = running));
beforeAll(async () => {
  patientId = await fx.patient();
  const callers = 6;
  for (const pool of Object.keys(pools) as (keyof typeof pools)[]) {
    for (let i = 0; i < callers; i++) pools[pool].push((await fx.book(patientId, freshSlot())).id);
  }
  const reception = await system.tokenFor('ward_staff');
  for (const id of pools.checkedIn) {
    dataOf(await system.gql('mutation($id: ID!) { checkInAppointment(id: $id) { id } }', { id }, reception));
  }
});

describeRoleTable(() => system, ROWS);
