/**
 * Patients end to end through the router: registration with generated MRNs, search by name
 * prefix / MRN / date of birth, cursor pagination, updates, archiving, and typed errors.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestSystem } from '@hospital/test-support/system';
import { systemForFile } from '../support/system-database.ts';

let system: TestSystem;
let doctor: string;
// A family name no other test uses, so searches see only this file's patients.
const family = `Zed${randomUUID().replace(/-/g, '').slice(0, 10)}`;

const REGISTER = 'mutation($input: RegisterPatientInput!) { registerPatient(input: $input) { id mrn fullName dateOfBirth sex allergies archived } }';
const SEARCH = `query($search: String, $first: Int, $after: String) {
  patients(search: $search, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id mrn givenName familyName } } }
}`;

interface Registered {
  id: string;
  mrn: string;
  fullName: string;
  dateOfBirth: string;
  sex: string;
  allergies: string[];
  archived: boolean;
}
interface Page {
  patients: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: { id: string; mrn: string; givenName: string; familyName: string } }>;
  };
}

async function register(input: Record<string, unknown>): Promise<Registered> {
  const result = await system.gql<{ registerPatient: Registered }>(REGISTER, { input }, doctor);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.registerPatient;
}

systemForFile((running) => (system = running));
beforeAll(async () => {
  doctor = await system.tokenFor('doctor');
});

describe('registration', () => {
  it('assigns distinct MRNs to concurrent registrations', async () => {
    const created = await Promise.all(Array.from({ length: 12 }, (_, i) => register({ givenName: `Concurrent${i}`, familyName: family, dateOfBirth: '1990-03-04', sex: 'OTHER' })));
    const mrns = new Set(created.map((p) => p.mrn));
    expect(mrns.size).toBe(12);
    for (const mrn of mrns) expect(mrn).toMatch(/^MRN-\d{6,}$/);
    expect(created[0]!.fullName).toBe(`Concurrent0 ${family}`);
  });

  it('rejects bad input with BAD_USER_INPUT naming the field', async () => {
    const future = await system.gql(REGISTER, { input: { givenName: 'Fut', familyName: family, dateOfBirth: '2999-01-01' } }, doctor);
    expect(future.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(String(future.errors?.[0]?.extensions?.['field'])).toMatch(/dateOfBirth|date_of_birth/);
    const blank = await system.gql(REGISTER, { input: { givenName: '   ', familyName: family, dateOfBirth: '1990-01-01' } }, doctor);
    expect(blank.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const notADate = await system.gql(REGISTER, { input: { givenName: 'X', familyName: family, dateOfBirth: '1990-02-30' } }, doctor);
    expect(notADate.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});

describe('search', () => {
  it('finds by family-name prefix, case-insensitively, and pages with cursors', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    // eslint-disable-next-line no-useless-assignment -- typed before the loop that sets it
    let total = 0;
    do {
      const page: { data?: Page | null } = await system.gql<Page>(SEARCH, { search: family.toLowerCase().slice(0, 8), first: 5, after }, doctor);
      const patients: Page['patients'] = page.data!.patients;
      total = patients.totalCount;
      for (const edge of patients.edges) seen.add(edge.node.id);
      after = patients.pageInfo.hasNextPage ? patients.pageInfo.endCursor : null;
    } while (after);
    expect(total).toBeGreaterThanOrEqual(12);
    expect(seen.size).toBe(total);
  });

  it('finds by MRN and by date of birth', async () => {
    const patient = await register({ givenName: 'Mira', familyName: family, dateOfBirth: '1961-07-21', sex: 'FEMALE' });
    const byMrn = await system.gql<Page>(SEARCH, { search: patient.mrn.toLowerCase() }, doctor);
    expect(byMrn.data!.patients.edges.map((e) => e.node.id)).toEqual([patient.id]);
    const byDob = await system.gql<Page>(SEARCH, { search: '1961-07-21' }, doctor);
    expect(byDob.data!.patients.edges.map((e) => e.node.id)).toContain(patient.id);
  });

  it('treats LIKE wildcards in the search as plain text', async () => {
    const result = await system.gql<Page>(SEARCH, { search: '%' }, doctor);
    expect(result.errors).toBeUndefined();
    expect(result.data!.patients.totalCount).toBe(0);
  });

  it('caps page size and rejects a malformed cursor', async () => {
    const big = await system.gql<Page>(SEARCH, { search: '', first: 100000 }, doctor);
    expect(big.errors).toBeUndefined();
    expect(big.data!.patients.edges.length).toBeLessThanOrEqual(100);
    const negative = await system.gql(SEARCH, { search: family, first: -1 }, doctor);
    expect(negative.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const bad = await system.gql(SEARCH, { search: family, after: 'not-a-cursor' }, doctor);
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});

describe('changes', () => {
  it('updates only the given fields and replaces allergies (an admin; the care team in allergy-care.int.test.ts)', async () => {
    const patient = await register({ givenName: 'Una', familyName: family, dateOfBirth: '1955-11-30', allergies: ['latex'] });
    const updated = await system.gql<{ updatePatient: { phone: string; allergies: string[]; givenName: string } }>(
      'mutation($id: ID!, $input: UpdatePatientInput!) { updatePatient(id: $id, input: $input) { givenName phone allergies } }',
      { id: patient.id, input: { phone: '+1 555 0100', allergies: ['penicillin', 'Penicillin', 'peanuts'] } },
      await system.tokenFor('admin'),
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updatePatient.givenName).toBe('Una');
    expect(updated.data!.updatePatient.phone).toBe('+1 555 0100');
    expect(updated.data!.updatePatient.allergies).toEqual(['penicillin', 'peanuts']);
  });

  it('archives without deleting: readable by id, gone from search', async () => {
    const patient = await register({ givenName: 'Arch', familyName: family, dateOfBirth: '1944-02-02' });
    const admin = await system.tokenFor('admin');
    const archived = await system.gql<{ archivePatient: { archived: boolean } }>('mutation($id: ID!) { archivePatient(id: $id) { archived } }', { id: patient.id }, admin);
    expect(archived.data?.archivePatient.archived).toBe(true);
    const byId = await system.gql<{ patient: { id: string; archived: boolean } }>('query($id: ID!) { patient(id: $id) { id archived } }', { id: patient.id }, doctor);
    expect(byId.data?.patient).toEqual({ id: patient.id, archived: true });
    const search = await system.gql<Page>(SEARCH, { search: patient.mrn }, doctor);
    expect(search.data!.patients.totalCount).toBe(0);
  });

  it('answers unknown and malformed ids with NOT_FOUND / null and BAD_USER_INPUT', async () => {
    const unknown = await system.gql('mutation($id: ID!) { updatePatient(id: $id, input: { phone: "+1 555 0199" }) { id } }', { id: randomUUID() }, doctor);
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const missing = await system.gql<{ patient: null }>('query($id: ID!) { patient(id: $id) { id } }', { id: randomUUID() }, doctor);
    expect(missing.errors).toBeUndefined();
    expect(missing.data?.patient).toBeNull();
    const malformed = await system.gql('query { patient(id: "1; drop table patients") { id } }', {}, doctor);
    expect(malformed.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
