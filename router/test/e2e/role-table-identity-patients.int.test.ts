/** The identity and patients rows of the role table, walked through the router. */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect } from 'vitest';
import { describeRoleTable, EVERY_ROLE, type RoleRow } from './role-table.ts';
import type { TestSystem } from '@hospital/test-support/system';
import { systemForFile } from '../support/system-database.ts';

let system: TestSystem;
let patientId: string;
let targetUserId: string;
let deactivatedUserId: string;

const unique = () => randomUUID().slice(0, 8);

const ROWS: RoleRow[] = [
  { name: 'query me', allowed: EVERY_ROLE, query: '{ me { id email role } }' },
  { name: 'query users', allowed: ['admin'], query: '{ users(first: 5) { totalCount edges { node { id email } } } }' },
  { name: 'query doctors', allowed: ['admin', 'doctor', 'ward_staff'], query: '{ doctors(first: 5) { totalCount edges { node { id displayName } } } }' },
  {
    name: 'mutation login',
    allowed: 'public',
    query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken user { role } } }',
    variables: () => ({ e: system.accounts.doctor.email, p: system.accounts.doctor.password }),
  },
  {
    name: 'mutation createUser',
    allowed: ['admin'],
    query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id role } }',
    variables: () => ({
      input: { email: `new-${unique()}@test.hospital.local`, password: 'a-long-password-1', displayName: 'New Nurse', role: 'WARD_STAFF' },
    }),
  },
  {
    name: 'query user',
    allowed: ['admin'],
    query: 'query($id: ID!) { user(id: $id) { id email active createdAt } }',
    variables: () => ({ id: targetUserId }),
  },
  {
    name: 'mutation changeUserRole',
    allowed: ['admin'],
    query: 'mutation($id: ID!) { changeUserRole(id: $id, role: DOCTOR) { id role } }',
    variables: () => ({ id: targetUserId }),
  },
  {
    name: 'mutation deactivateUser',
    allowed: ['admin'],
    query: 'mutation($id: ID!) { deactivateUser(id: $id) { id active } }',
    variables: () => ({ id: deactivatedUserId }),
  },
  {
    name: 'query auditTrail',
    allowed: ['admin'],
    query: 'query($id: ID) { auditTrail(patientId: $id, first: 3) { totalCount edges { node { seq actorRole action outcome } } } }',
    variables: () => ({ id: patientId }),
  },
  { name: 'query auditChainStatus', allowed: ['admin'], query: '{ auditChainStatus { ok records } }' },
  {
    name: 'mutation logout',
    allowed: 'public',
    query: 'mutation($t: String!) { logout(refreshToken: $t) }',
    variables: () => ({ t: `not-a-live-token-${unique()}` }),
  },
  {
    name: 'query patient',
    allowed: EVERY_ROLE,
    query: 'query($id: ID!) { patient(id: $id) { id mrn fullName dateOfBirth } }',
    variables: () => ({ id: patientId }),
  },
  {
    name: 'query patients',
    allowed: EVERY_ROLE,
    query: '{ patients(search: "Role", first: 5) { totalCount edges { node { id mrn } } } }',
  },
  {
    name: 'read Patient.allergies',
    allowed: ['admin', 'doctor', 'pharmacist', 'ward_staff'],
    query: 'query($id: ID!) { patient(id: $id) { id allergies } }',
    variables: () => ({ id: patientId }),
  },
  {
    name: 'mutation registerPatient',
    allowed: ['admin', 'doctor', 'ward_staff'],
    query: 'mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { id mrn } }',
    variables: () => ({ input: { givenName: 'Rolf', familyName: `Roletable${unique()}`, dateOfBirth: '1970-01-02', sex: 'MALE' } }),
  },
  {
    name: 'query possibleDuplicates',
    allowed: ['admin', 'doctor', 'ward_staff'],
    query: 'query($input: PossibleDuplicatesInput!) { possibleDuplicates(input: $input) { reasons patient { id } } }',
    variables: () => ({ input: { givenName: 'Rosa', familyName: 'Roletable', dateOfBirth: '1980-05-17' } }),
  },
  {
    name: 'mutation updatePatient',
    allowed: ['admin', 'doctor', 'ward_staff'],
    query: 'mutation($id: ID!, $input: UpdatePatientInput!) { updatePatient(id: $id, input: $input) { id phone } }',
    variables: () => ({ id: patientId, input: { phone: '+44 20 7946 0000' } }),
  },
  {
    name: 'mutation archivePatient',
    allowed: ['admin'],
    query: 'mutation($id: ID!) { archivePatient(id: $id) { id archived } }',
    variables: () => ({ id: patientId }),
  },
];

systemForFile((running) => (system = running));
beforeAll(async () => {
  const admin = await system.tokenFor('admin');
  const created = await system.gql<{ registerPatient: { id: string } }>(
    'mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { id } }',
    { input: { givenName: 'Rosa', familyName: 'Roletable', dateOfBirth: '1980-05-17', sex: 'FEMALE', allergies: ['penicillin'] } },
    admin,
  );
  expect(created.errors).toBeUndefined();
  patientId = created.data!.registerPatient.id;
  const createUser = async () => {
    const user = await system.gql<{ createUser: { id: string } }>(
      'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
      { input: { email: `target-${unique()}@test.hospital.local`, password: 'a-long-password-1', displayName: 'Target', role: 'FINANCE' } },
      admin,
    );
    expect(user.errors).toBeUndefined();
    return user.data!.createUser.id;
  };
  targetUserId = await createUser();
  deactivatedUserId = await createUser();
});

describeRoleTable(() => system, ROWS);
