/**
 * The offline explorer in Debian's Chromium against the real system (issue 16), run as in
 * production with ROUTER_EXPLORER=true and the browser safelist enforced: every request that would
 * leave the machine is blocked, and the page still loads (GraphiQL, Monaco and its workers, fonts:
 * all from the router), shows no console error, signs in as an admin and as a registered app, and
 * runs operations that return data with the session's token; a doctor signs in but gets no further.
 */
import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_PERSISTED_MANIFEST_PATH, loadManifest } from '@hospital/router';
import type { TestSystem } from '@hospital/test-support/system';
import { systemForFile } from '../support/system-database.ts';

const CHROMIUM_PATH = '/usr/bin/chromium';

let system: TestSystem;
let browser: Browser;
let origin: string;

beforeAll(() => {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: apt-get install -y chromium (.ci/run does this in CI).`);
});
systemForFile((running) => (system = running), {
  production: true,
  explorer: true,
  persistedOperations: { mode: 'enforce-browser', manifest: loadManifest(DEFAULT_PERSISTED_MANIFEST_PATH) },
});
beforeAll(async () => {
  origin = new URL(system.routerUrl).origin;
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    timeout: 20_000,
  });
}, 120_000);

afterAll(async () => {
  await browser?.close().catch(() => undefined);
});

/** A page whose every request off this machine is aborted and recorded, with its console errors. */
async function offlinePage(): Promise<{ page: Page; leftTheMachine: string[]; consoleErrors: string[]; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const leftTheMachine: string[] = [];
  const consoleErrors: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    leftTheMachine.push(url.href);
    return route.abort('internetdisconnected');
  });
  // WebSockets bypass page.route; record any that would leave.
  context.on('page', (p) => p.on('websocket', (socket) => !socket.url().startsWith(origin.replace(/^http/, 'ws')) && leftTheMachine.push(socket.url())));
  const page = await context.newPage();
  // Chromium logs every 400/401/403 answer as "Failed to load resource"; the tests provoke exactly
  // those refusals (safelist, signed out, outside the app's scopes), so only they are let through.
  const provoked = /^Failed to load resource: the server responded with a status of 40[013] /;
  page.on('console', (message) => message.type() === 'error' && !provoked.test(message.text()) && consoleErrors.push(message.text()));
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return { page, leftTheMachine, consoleErrors, close: () => context.close() };
}

/** Signs in through the bar's User form. */
async function signInAsUser(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(async () => page.getByRole('status').textContent(), { timeout: 20_000 }).toContain('Signed in as');
}

/** The query editor's text as Monaco renders it (one line per `.view-line`, non-breaking spaces as spaces). */
async function editorText(page: Page): Promise<string> {
  const lines = await page.locator('.graphiql-query-editor .view-line').allTextContents();
  return lines.join('\n').replaceAll('\u00a0', ' ').trim();
}

/**
 * Replaces the editor's whole text with `operation`, and checks it took: a select-all sent while
 * Monaco is still taking focus leaves the default `query Me` beside the new text (two operations,
 * which the router refuses without an operationName), so the keystrokes are retried until the
 * editor holds exactly the operation.
 */
async function replaceOperation(page: Page, operation: string): Promise<void> {
  const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await editor.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(operation);
    const settled = await expect
      .poll(async () => editorText(page), { timeout: 2_000 })
      .toBe(operation)
      .then(
        () => true,
        () => false,
      );
    if (settled) return;
  }
  expect(await editorText(page)).toBe(operation);
}

/** Puts an operation in the editor and runs it; resolves with the response pane's text once it holds `expected`. */
async function run(page: Page, operation: string | undefined, expected: string): Promise<string> {
  if (operation !== undefined) await replaceOperation(page, operation);
  await page.getByRole('button', { name: /Execute query/ }).click();
  const response = page.locator('.graphiql-response');
  await expect.poll(async () => (await response.textContent()) ?? '', { timeout: 20_000 }).toContain(expected);
  return (await response.textContent()) ?? '';
}

it('loads with the internet cut off, signs in as an admin and runs a query with the token', { timeout: 240_000 }, async () => {
  const { page, leftTheMachine, consoleErrors, close } = await offlinePage();
  try {
    // The first load may wait for the bundle (built once, then cached).
    await page.goto(`${origin}/graphql`, { timeout: 200_000 });
    expect(new URL(page.url()).pathname).toBe('/explorer');
    await page.locator('.graphiql-container').waitFor({ timeout: 60_000 });
    await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
    // Signed out, `me` is refused: the page sends no token of its own.
    await run(page, undefined, 'UNAUTHENTICATED');

    const account = system.accounts.admin;
    await signInAsUser(page, account);
    const answer = await run(page, undefined, account.id);
    expect(answer).toContain('ADMIN');

    // The explorer plugin is there (GraphiQL's sidebar) and the schema came from /schema.graphql.
    await expect.poll(async () => page.locator('.graphiql-sidebar button').count()).toBeGreaterThan(2);
    expect(leftTheMachine).toEqual([]);
    expect(consoleErrors).toEqual([]);
  } finally {
    await close();
  }
});

it('signs in as a registered app with its client credentials and runs what its scopes allow', { timeout: 240_000 }, async () => {
  const admin = await system.tokenFor('admin');
  const registered = await system.gql<{ registerClientApp: { clientSecret: string; app: { id: string } } }>(
    `mutation ($input: RegisterClientAppInput!) { registerClientApp(input: $input) { clientSecret app { id } } }`,
    { input: { name: `Explorer test ${randomUUID().slice(0, 6)}`, contact: 'dev@acme.test', allowedScopes: ['system/Patient.rs'], allowedOrigins: [] } },
    admin,
  );
  expect(registered.errors).toBeUndefined();
  const { clientSecret, app } = registered.data!.registerClientApp;
  const { page, leftTheMachine, consoleErrors, close } = await offlinePage();
  try {
    await page.goto(`${origin}/explorer`, { timeout: 200_000 });
    await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'App', exact: true }).click();
    await page.getByLabel('Client id').fill(app.id);
    await page.getByLabel('Client secret').fill(clientSecret);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(async () => page.getByRole('status').textContent(), { timeout: 20_000 }).toContain(`app ${app.id} (system/Patient.rs)`);
    const answer = await run(page, 'query Count { patients(first: 1) { pageInfo { hasNextPage } } }', 'hasNextPage');
    expect(answer).not.toContain('errors');
    // Outside its scopes: FORBIDDEN, as for any app.
    await run(page, 'query Staff { users(first: 1) { edges { node { id } } } }', 'FORBIDDEN');
    expect(leftTheMachine).toEqual([]);
    expect(consoleErrors).toEqual([]);
  } finally {
    await close();
  }
});

it('lets a doctor sign in but run nothing beyond the safelist, as in production', { timeout: 240_000 }, async () => {
  const { page, leftTheMachine, consoleErrors, close } = await offlinePage();
  try {
    await page.goto(`${origin}/explorer`, { timeout: 200_000 });
    await page.locator('.graphiql-query-editor .monaco-editor').first().waitFor({ timeout: 60_000 });
    await signInAsUser(page, system.accounts.doctor);
    await run(page, undefined, 'PERSISTED_OPERATION_REQUIRED');
    expect(leftTheMachine).toEqual([]);
    expect(consoleErrors).toEqual([]);
  } finally {
    await close();
  }
});
