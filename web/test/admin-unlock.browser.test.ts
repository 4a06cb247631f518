/**
 * An admin unlocks a staff member's sign-in from the users screen, in Debian's Chromium against
 * the real system: after an address guessed the account's password until it was held (429), the
 * "Unlock sign-in" button clears the delay and the right password works again from that address.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { browserHarnessPerFile, withPage } from './browser-harness.ts';

const running = browserHarnessPerFile();

const LOGIN = 'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }';

/** A login straight to the router: the HTTP status and error code it answers. */
async function login(email: string, password: string): Promise<{ status: number; code?: string }> {
  const response = await fetch(running().system.routerUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { email, password } }),
  });
  const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
  return { status: response.status, code: body.errors?.[0]?.extensions?.code };
}

it('lets an admin clear the sign-in delay an attacker put on a colleague', async () => {
  // "aaa-" sorts first, so the account is on the users screen's first page.
  const staff = { email: `aaa-unlock-${randomUUID().slice(0, 8)}@test.hospital.local`, password: `kettle orbit ${randomUUID().slice(0, 6)}`, displayName: 'Held Colleague' };
  const created = await running().system.gql(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { ...staff, role: 'DOCTOR' } },
    await running().system.tokenFor('admin'),
  );
  expect(created.errors).toBeUndefined();
  for (let i = 0; i < 5; i++) expect((await login(staff.email, `guess number ${i}`)).code).toBe('UNAUTHENTICATED');
  expect(await login(staff.email, staff.password)).toMatchObject({ status: 429, code: 'RATE_LIMITED' });

  await withPage(running(), 'admin', async (page) => {
    await page.getByRole('button', { name: `Unlock sign-in of ${staff.displayName}` }).click();
    await page.getByText(`${staff.displayName} can sign in again`).waitFor({ timeout: 10_000 });
  });
  expect(await login(staff.email, staff.password)).toMatchObject({ status: 200, code: undefined });
}, 60_000);
