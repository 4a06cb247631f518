/**
 * An admin registers a third-party app on the dashboard, in Debian's Chromium against the real
 * system (issue 16): the secret shown once works at the router's token endpoint; "Revoke" ends it.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { browserHarnessPerFile, withPage } from './browser-harness.ts';

const running = browserHarnessPerFile();

const tokenStatus = async (id: string, secret: string) =>
  (
    await fetch(running().system.routerUrl.replace(/\/graphql$/, '/oauth/token'), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` },
      body: 'grant_type=client_credentials',
    })
  ).status;

it('registers an app whose one-time secret works at /oauth/token, then revokes it', async () => {
  const name = `Acme EHR ${randomUUID().slice(0, 6)}`;
  await withPage(running(), 'admin', async (page) => {
    const form = page.getByRole('form', { name: 'Register an app' });
    await form.getByLabel('App name').fill(name);
    await form.getByLabel('Contact').fill('dev@acme.test');
    await form.getByLabel('Scopes').fill('system/Patient.rs system/Appointment.rs');
    await form.getByRole('button', { name: 'Register app' }).click();
    const secret = (await page.getByLabel('Client secret').textContent({ timeout: 10_000 })) ?? '';
    const status = page.getByRole('status').filter({ hasText: `Client secret of ${name}` });
    const clientId = ((await status.locator('code').first().textContent()) ?? '').trim();
    expect(await tokenStatus(clientId, secret.trim())).toBe(200);
    await page.getByRole('button', { name: `Revoke ${name}` }).click();
    await page.getByRole('list', { name: 'Registered apps' }).getByText('Revoked').first().waitFor({ timeout: 10_000 });
    expect(await tokenStatus(clientId, secret.trim())).toBe(401);
  });
}, 90_000);
