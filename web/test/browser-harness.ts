/**
 * What the browser tests share: the real system (every department + router), the web app built
 * once per test run and served by our own web server, and Debian's Chromium driven by
 * playwright-core. Nothing is mocked: the browser talks to the router through the web server.
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import type { RoleName } from '@hospital/service-kit';
import { testDatabaseUrl, testRunDir, testServerUrl } from '../../test/helpers.ts';
import { createTestDatabase, type TestDatabase } from '@hospital/db/testing';
import { startTestSystem, type TestSystem } from '@hospital/test-support/system';
import { DEFAULT_PERSISTED_MANIFEST_PATH } from '@hospital/router';
import { loadManifest } from '@hospital/router';
import { startWebServer, type RunningWebServer } from '../server/static-server.ts';
import { freePort } from '@hospital/service-kit';

/** Debian's Chromium; CI installs the `chromium` package (see .ci/run). */
export const CHROMIUM_PATH = '/usr/bin/chromium';
const WEB_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Screenshots are test artifacts (test-results/ is gitignored). */
export const SCREENSHOT_DIR = path.resolve(WEB_ROOT, '../test-results/screenshots');

/** Flags for a quiet, sandbox-free headless Chromium that makes no calls of its own. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** A running system, web server and browser. */
export interface BrowserHarness {
  system: TestSystem;
  web: RunningWebServer;
  browser: Browser;
  /** A fresh context (its own in-memory session), in the browser zone (UTC unless chosen, so times typed match the API's). */
  newContext(): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** The zones of a harness: the hospital's (HOSPITAL_TIME_ZONE of the web server) and the browser's; both UTC unless set. */
export interface HarnessZones {
  hospitalTimeZone?: string;
  browserTimeZone?: string;
}

/**
 * The web app's production build, made by the first browser test file of the run into the run's
 * folder and served read-only by every later one (a vite build is 10-20 s of a 2-core machine).
 * Written beside and renamed into place, so a half-written build is never served; if another
 * worker finished first, its copy is as good as ours.
 */
async function webAppBuiltForThisRun(): Promise<string> {
  const target = path.join(testRunDir(), 'web-dist');
  if (existsSync(path.join(target, 'index.html'))) return target;
  const scratch = `${target}.${process.pid}.tmp`;
  await build({ configFile: path.join(WEB_ROOT, 'vite.config.ts'), root: WEB_ROOT, logLevel: 'error', build: { outDir: scratch, emptyOutDir: true } });
  await rename(scratch, target).catch(async (error: unknown) => {
    await rm(scratch, { recursive: true, force: true });
    // Only "another worker put its build there first" is fine; anything else is this file's failure.
    if (!existsSync(path.join(target, 'index.html'))) throw error;
  });
  return target;
}

/** Builds the app (once a run), starts everything and launches Chromium; fails clearly when Chromium is missing. */
export async function startBrowserHarness(databaseUrl: string, zones: HarnessZones = {}): Promise<BrowserHarness> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: install Debian's package (apt-get install -y chromium); .ci/run does this in CI.`);
  }
  const outDir = await webAppBuiltForThisRun();
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // As in production: the browser may run only the safelisted operations codegen wrote, so any
  // operation the app sends by text (or a stale hash) fails these tests.
  const persistedOperations = { mode: 'enforce-browser' as const, manifest: loadManifest(DEFAULT_PERSISTED_MANIFEST_PATH) };
  const system = await startTestSystem(databaseUrl, { allowedOrigins: [origin], persistedOperations, oauthConsentUrl: `${origin}/oauth/consent`, possibleDuplicateCheck: true });
  const web = await startWebServer({ port, host: '127.0.0.1', distDir: outDir, graphqlUrl: system.routerUrl, timeZone: zones.hospitalTimeZone ?? 'UTC' });
  // Playwright gives each launch a fresh temporary profile (it refuses a --user-data-dir flag on launch()).
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 20_000 });
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  return {
    system,
    web: { ...web, url: `${origin}/` },
    browser,
    newContext: () => browser.newContext({ timezoneId: zones.browserTimeZone ?? 'UTC', locale: 'en-GB', viewport: { width: 1280, height: 900 } }),
    async close() {
      await browser.close().catch(() => undefined);
      await web.close().catch(() => undefined);
      await system.close();
    },
  };
}

/**
 * Starts the harness before a test file's tests and closes it after them (call at the top level of
 * the file); returns a getter for the running harness.
 * @param options - ownDatabase: a fresh database of the file's own instead of the run's shared one,
 *   for screens that list the first page of something every other test adds to (the pharmacist's
 *   queue of pending prescriptions showed other files' rows, not this file's); hospitalTimeZone and
 *   browserTimeZone: see HarnessZones
 */
export function browserHarnessPerFile(options: { ownDatabase?: boolean } & HarnessZones = {}): () => BrowserHarness {
  let harness: BrowserHarness | undefined;
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    if (options.ownDatabase) database = await createTestDatabase({ serverUrl: testServerUrl() });
    harness = await startBrowserHarness(database?.url ?? testDatabaseUrl(), options);
    // Building the app and starting every department takes minutes on a loaded 2-core machine.
  }, 300_000);
  afterAll(async () => {
    await harness?.close();
    await database?.drop();
  });
  return () => {
    if (!harness) throw new Error('The browser harness has not started.');
    return harness;
  };
}

/** The heading each role's dashboard shows. */
export const DASHBOARD_HEADINGS: Record<RoleName, string> = {
  doctor: 'Doctor dashboard',
  ward_staff: 'Ward dashboard',
  pharmacist: 'Pharmacy dashboard',
  finance: 'Finance dashboard',
  admin: 'Administration dashboard',
};

/**
 * Opens the app and types `email` and `password` into the sign-in form, as a person would; what
 * follows (a dashboard, a refusal, the new-password form) is the caller's to wait for.
 */
export async function typeSignIn(page: Page, harness: BrowserHarness, email: string, password: string): Promise<void> {
  await page.goto(harness.web.url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens the app and signs in as `role`'s test account, then waits for the role's dashboard. */
export async function signIn(page: Page, harness: BrowserHarness, role: RoleName): Promise<void> {
  const { email, password } = harness.system.accounts[role];
  await typeSignIn(page, harness, email, password);
  await page.getByRole('heading', { name: DASHBOARD_HEADINGS[role], level: 1 }).waitFor({ timeout: 10_000 });
}

/**
 * Runs `steps` on a new page in a fresh context (its own session), signed in as `role` unless it is
 * null, and closes the context afterwards whether the steps pass or throw.
 * @param steps - gets the page, and the context for tests that open a second tab or read cookies
 */
export async function withPage(harness: BrowserHarness, role: RoleName | null, steps: (page: Page, context: BrowserContext) => Promise<void>): Promise<void> {
  const context = await harness.newContext();
  try {
    const page = await context.newPage();
    if (role) await signIn(page, harness, role);
    await steps(page, context);
  } finally {
    await context.close();
  }
}
