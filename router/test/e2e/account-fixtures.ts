/**
 * Staff accounts beyond the system's seeded ones, for the object-access end-to-end tests: a second
 * doctor or ward staff member, created by the admin through the router and signed in, so a test
 * can show what a colleague or an outsider of the same role may not reach.
 */
import { randomUUID } from 'node:crypto';
import type { TestSystem } from '@hospital/test-support/system';
import { dataOf } from './ward-fixtures.ts';

/** A created account with its credentials and an access token. */
export interface ExtraAccount {
  id: string;
  email: string;
  password: string;
  token: string;
}

/**
 * Signs in through the router's login mutation.
 * @param system - the running system
 * @param email - the account's email
 * @param password - its password
 * @returns the access token
 */
export async function login(system: TestSystem, email: string, password: string): Promise<string> {
  const result = await system.gql<{ login: { accessToken: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', {
    e: email,
    p: password,
  });
  return dataOf(result).login.accessToken;
}

/**
 * Creates an account of `role` as the admin (unique email) and signs it in.
 * @param system - the running system
 * @param role - DOCTOR or WARD_STAFF
 * @param displayName - the name it is shown with
 */
export async function extraAccount(system: TestSystem, role: 'DOCTOR' | 'WARD_STAFF', displayName: string): Promise<ExtraAccount> {
  const email = `${role.toLowerCase().replace('_', '-')}-${randomUUID().slice(0, 8)}@test.hospital.local`;
  const password = `Zq7-${randomUUID()}`;
  const created = await system.gql<{ createUser: { id: string } }>(
    'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
    { i: { email, password, displayName, role } },
    await system.tokenFor('admin'),
  );
  return { id: dataOf(created).createUser.id, email, password, token: await login(system, email, password) };
}
