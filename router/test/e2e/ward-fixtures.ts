/**
 * Seed builders for the ward end-to-end tests, all through the router with real tokens: wards
 * and beds as an admin (the system's ward staff account assigned to each), patients as a doctor,
 * admissions as ward staff. Every name and code is
 * unique, so tests sharing the run's database never see each other's rows.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { GraphQLResponse, TestSystem } from '@hospital/test-support/system';

/** A ward as created, with its beds' ids in label order. */
export interface SeededWard {
  id: string;
  name: string;
  beds: string[];
}

/** An admission's id with the ids it joined. */
export interface SeededAdmission {
  id: string;
  patientId: string;
  bedId: string;
}

/** A short unique suffix: letters and digits. */
export const uniqueSuffix = () => randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase();

/**
 * Fails the test when a response carries errors, showing them.
 * @param result - a router response
 */
export function dataOf<T>(result: GraphQLResponse<T>): T {
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!;
}

/**
 * Builders bound to a running system.
 * @param system - the running system (read when a builder runs, after beforeAll)
 */
export function wardFixtures(system: () => TestSystem) {
  // One sign-in per role however many builders run at once: a burst of parallel logins (scrypt
  // each) on a small machine only measures the CPU.
  const tokens = new Map<string, Promise<string>>();
  const as = (role: 'admin' | 'doctor' | 'ward_staff') => {
    let token = tokens.get(role);
    if (!token) tokens.set(role, (token = system().tokenFor(role)));
    return token;
  };
  return {
    /**
     * A ward with beds labelled as given (default 1..count), created as an admin.
     * @param labels - bed labels
     */
    async ward(labels: string[] = ['1']): Promise<SeededWard> {
      const admin = await as('admin');
      const suffix = uniqueSuffix();
      const { createWard } = dataOf(
        await system().gql<{ createWard: { id: string; name: string } }>(
          'mutation($i: CreateWardInput!) { createWard(input: $i) { id name } }',
          { i: { name: `E2E Ward ${suffix}`, code: `E2E-${suffix}`, specialty: 'General Medicine' } },
          admin,
        ),
      );
      const beds = await Promise.all(
        labels.map(async (label) => {
          const added = await system().gql<{ addBed: { id: string } }>('mutation($i: AddBedInput!) { addBed(input: $i) { id } }', { i: { wardId: createWard.id, label } }, admin);
          return dataOf(added).addBed.id;
        }),
      );
      // Ward staff see only the wards they are assigned to: the system's ward staff account works on every test ward.
      dataOf(
        await system().gql('mutation($u: ID!, $w: ID!) { assignStaffToWard(userId: $u, wardId: $w) { id } }', { u: system().accounts.ward_staff.id, w: createWard.id }, admin),
      );
      return { ...createWard, beds };
    },
    /** A registered patient's id, registered as a doctor. */
    async patient(): Promise<string> {
      const result = await system().gql<{ registerPatient: { id: string } }>(
        'mutation($i: RegisterPatientInput!) { registerPatient(input: $i) { id } }',
        { i: { givenName: 'Wren', familyName: `Wardtest${uniqueSuffix()}`, dateOfBirth: '1966-06-06', sex: 'FEMALE' } },
        await as('doctor'),
      );
      return dataOf(result).registerPatient.id;
    },
    /**
     * Admits a patient as ward staff and returns the raw response (tests check errors themselves).
     * @param patientId - the patient
     * @param bedId - the bed
     */
    async admitRaw(patientId: string, bedId: string) {
      return system().gql<{ admitPatient: { id: string; bed: { id: string } } }>(
        'mutation($i: AdmitPatientInput!) { admitPatient(input: $i) { id bed { id } } }',
        { i: { patientId, bedId, reason: 'Shortness of breath' } },
        await as('ward_staff'),
      );
    },
    /**
     * Admits a patient as ward staff; the test fails if it does not succeed.
     * @param patientId - the patient
     * @param bedId - the bed
     */
    async admit(patientId: string, bedId: string): Promise<SeededAdmission> {
      const result = await this.admitRaw(patientId, bedId);
      return { id: dataOf(result).admitPatient.id, patientId, bedId };
    },
  };
}
