/**
 * The consent screen of the authorization code flow in Debian's Chromium against the real system
 * (issue 16): an app sends the browser to the router's /oauth/authorize, which hands it to the web
 * app's consent screen; the clinician signs in, sees the app's name, contact and scopes in plain
 * words, and approves (the app's redirect URI gets a code that redeems once with the PKCE verifier)
 * or denies (error=access_denied with the state).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createIdentityClient, type IdentityClient } from '@hospital/grpc-contracts';
import { signIdentity } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';
import { testDatabaseUrl } from '../../test/helpers.ts';
import { startBrowserHarness, type BrowserHarness } from './browser-harness.ts';

const REDIRECT = 'https://bedside.test/callback';
let harness: BrowserHarness;
let identity: IdentityClient;
beforeAll(async () => {
  harness = await startBrowserHarness(testDatabaseUrl());
  identity = createIdentityClient({ target: harness.system.grpcTargets.identity, deadlineMs: 10_000 });
}, 120_000);
afterAll(async () => {
  identity?.close();
  await harness?.close();
});

const asAdmin = () => callMetadata(signIdentity({ kind: 'user', userId: randomUUID(), role: 'admin', email: 'admin@test.local' }, harness.system.internalSecret), randomUUID());
const routerBase = () => harness.system.routerUrl.replace(/\/graphql$/, '');

/** Registers a public app, opens its authorization request, signs in as a doctor on the consent screen. */
async function openConsent(page: Page): Promise<{ clientId: string; verifier: string; name: string }> {
  const name = `Bedside ${randomUUID().slice(0, 6)}`;
  const { app } = await identity.registerClientApp(
    {
      name,
      contact: 'dev@bedside.test',
      allowedScopes: ['user/Patient.rs', 'user/Appointment.rs'],
      allowedOrigins: [],
      jwksJson: '',
      redirectUris: [REDIRECT],
      publicClient: true,
    },
    { metadata: asAdmin() },
  );
  const verifier = randomBytes(32).toString('base64url');
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: app!.id,
    redirect_uri: REDIRECT,
    scope: 'user/Patient.rs user/Appointment.rs',
    state: 'state-42',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  });
  // The app's own page is not on this network: answer it here and keep what it was sent.
  await page.route('https://bedside.test/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<p>back at the app</p>' }));
  await page.goto(`${routerBase()}/oauth/authorize?${query.toString()}`);
  const { email, password } = harness.system.accounts.doctor;
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Allow an app to act for you?' }).waitFor({ timeout: 10_000 });
  return { clientId: app!.id, verifier, name };
}

it('shows the app and its scopes in plain words; Allow sends a code that redeems once with the verifier', async () => {
  const context = await harness.newContext();
  try {
    const page = await context.newPage();
    const { clientId, verifier, name } = await openConsent(page);
    expect(new URL(page.url()).pathname).toBe('/oauth/consent');
    await expect.poll(() => page.getByTestId('consent-app-name').textContent(), { timeout: 10_000 }).toBe(name);
    expect(await page.getByTestId('consent-app-contact').textContent()).toBe('dev@bedside.test');
    const items = await page.getByRole('list', { name: 'What the app could do' }).getByRole('listitem').allTextContents();
    expect(items).toEqual(['Read and search patient records', 'Read and search appointments']);
    await page.getByRole('button', { name: 'Allow' }).click();
    await page.waitForURL(/^https:\/\/bedside\.test\/callback\?/, { timeout: 10_000 });
    const back = new URL(page.url());
    expect(back.searchParams.get('state')).toBe('state-42');
    const code = back.searchParams.get('code') ?? '';
    const redeem = () =>
      fetch(`${routerBase()}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'authorization_code', client_id: clientId, code, redirect_uri: REDIRECT, code_verifier: verifier }).toString(),
      });
    const first = await redeem();
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ token_type: 'Bearer', scope: 'user/Patient.rs user/Appointment.rs' });
    expect((await redeem()).status).toBe(400);
  } finally {
    await context.close();
  }
}, 90_000);

it('Deny sends the app error=access_denied with its state and no code', async () => {
  const context = await harness.newContext();
  try {
    const page = await context.newPage();
    await openConsent(page);
    await page.getByRole('button', { name: 'Deny' }).click();
    await page.waitForURL(/^https:\/\/bedside\.test\/callback\?/, { timeout: 10_000 });
    const back = new URL(page.url());
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('state-42');
    expect(back.searchParams.get('code')).toBeNull();
  } finally {
    await context.close();
  }
}, 90_000);
