/**
 * The doctor list reception books against (`query doctors`), through the router: ward staff see
 * the active doctors' ids and names and nothing of their accounts; other roles are refused.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TestSystem } from '@hospital/test-support/system';
import { systemForFile } from '../support/system-database.ts';

let system: TestSystem;
const surname = `Listdoc${randomUUID().slice(0, 8)}`;

interface DoctorsPage {
  doctors: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: Array<{ cursor: string; node: Record<string, unknown> }> };
}

const DOCTORS =
  'query($s: String, $first: Int, $after: String) { doctors(search: $s, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id displayName } } } }';

/** Creates a doctor as the admin; returns the id. */
async function createDoctor(displayName: string): Promise<string> {
  const email = `${displayName.toLowerCase().replace(/\W+/g, '-')}-${randomUUID().slice(0, 6)}@test.hospital.local`;
  const created = await system.gql<{ createUser: { id: string } }>(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { email, password: 'a-long-password-1', displayName, role: 'DOCTOR' } },
    await system.tokenFor('admin'),
  );
  expect(created.errors).toBeUndefined();
  return created.data!.createUser.id;
}

systemForFile((running) => (system = running));

describe('query doctors', () => {
  it('lists the active doctors to ward staff, id and name only, by name, and leaves a deactivated doctor out', async () => {
    const zoe = await createDoctor(`Zoë ${surname}`);
    const ada = await createDoctor(`Ada ${surname}`);
    const gone = await createDoctor(`Gone ${surname}`);
    const deactivated = await system.gql('mutation($id: ID!) { deactivateUser(id: $id) { id } }', { id: gone }, await system.tokenFor('admin'));
    expect(deactivated.errors).toBeUndefined();

    const nurse = await system.tokenFor('ward_staff');
    const page = await system.gql<DoctorsPage>(DOCTORS, { s: surname.toUpperCase(), first: 20 }, nurse);
    expect(page.errors).toBeUndefined();
    expect(page.data!.doctors.totalCount).toBe(2);
    expect(page.data!.doctors.edges.map((edge) => edge.node)).toEqual([
      { id: ada, displayName: `Ada ${surname}` },
      { id: zoe, displayName: `Zoë ${surname}` },
    ]);
    // The cursor carries nothing the page does not show (no email).
    for (const edge of page.data!.doctors.edges) expect(Buffer.from(edge.cursor, 'base64url').toString('utf8')).not.toContain('@');

    // The type has no account fields at all: asking for one is a validation error.
    const email = await system.gql('{ doctors(first: 1) { edges { node { id email } } } }', undefined, nurse);
    expect(email.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('pages by name with the end cursor', async () => {
    const first = await createDoctor(`Bea ${surname}paged`);
    const second = await createDoctor(`Cai ${surname}paged`);
    const nurse = await system.tokenFor('ward_staff');
    const one = await system.gql<DoctorsPage>(DOCTORS, { s: `${surname}paged`, first: 1 }, nurse);
    expect(one.data!.doctors.edges.map((edge) => edge.node.id)).toEqual([first]);
    expect(one.data!.doctors.pageInfo.hasNextPage).toBe(true);
    const two = await system.gql<DoctorsPage>(DOCTORS, { s: `${surname}paged`, first: 1, after: one.data!.doctors.pageInfo.endCursor }, nurse);
    expect(two.data!.doctors.edges.map((edge) => edge.node.id)).toEqual([second]);
    expect(two.data!.doctors.pageInfo.hasNextPage).toBe(false);
  });

  it('lets admins and doctors list them too', async () => {
    for (const role of ['admin', 'doctor'] as const) {
      // Other files add doctors to the run's database: page until this system's doctor shows.
      const token = await system.tokenFor(role);
      const seen: string[] = [];
      let after: string | undefined;
      for (let pages = 0; pages < 100 && !seen.includes(system.accounts.doctor.id); pages++) {
        const page = await system.gql<DoctorsPage>(DOCTORS, { first: 100, after }, token);
        expect(page.errors).toBeUndefined();
        seen.push(...page.data!.doctors.edges.map((edge) => String(edge.node['id'])));
        if (!page.data!.doctors.pageInfo.hasNextPage) break;
        after = page.data!.doctors.pageInfo.endCursor ?? undefined;
      }
      expect(seen).toContain(system.accounts.doctor.id);
    }
  });

  it('refuses finance and pharmacists (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)', async () => {
    for (const role of ['finance', 'pharmacist'] as const) {
      const refused = await system.gql(DOCTORS, { first: 5 }, await system.tokenFor(role));
      expect(refused.data?.doctors ?? null).toBeNull();
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await system.gql(DOCTORS, { first: 5 });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
