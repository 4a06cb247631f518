/** Patients the router's end-to-end tests register through the router as their seed. */
import { expect } from 'vitest';
import type { TestSystem } from '@hospital/test-support/system';

/** What a registration takes (RegisterPatientInput). */
export interface PatientInput {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex?: string;
  allergies?: string[];
  phone?: string;
  email?: string;
}

/**
 * Registers a patient through the router and returns the id; fails the test on any error.
 * @param system - the running system
 * @param input - the registration
 * @param token - who registers (a doctor's or an admin's token)
 */
export async function registerPatient(system: Pick<TestSystem, 'gql'>, input: PatientInput, token: string): Promise<string> {
  const registered = await system.gql<{ registerPatient: { id: string } }>('mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { id } }', { input }, token);
  expect(registered.errors, JSON.stringify(registered.errors)).toBeUndefined();
  return registered.data!.registerPatient.id;
}

/**
 * Registers three patients of one family (Ann, Ben and Cat, born 1985-05-05) and returns their ids
 * in that order: a search by the family name finds exactly them.
 * @param system - the running system
 * @param familyName - a family name unique to the test file
 * @param token - who registers them
 */
export async function registerSiblings(system: Pick<TestSystem, 'gql'>, familyName: string, token: string): Promise<string[]> {
  const ids: string[] = [];
  for (const givenName of ['Ann', 'Ben', 'Cat']) ids.push(await registerPatient(system, { givenName, familyName, dateOfBirth: '1985-05-05', sex: 'FEMALE' }, token));
  return ids;
}
