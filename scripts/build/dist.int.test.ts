/**
 * The production build: `npm run build` output started with plain `node dist/hospital.js`
 * (no tsx, no TypeScript), answering a signed-in query through router → subgraph → gRPC service
 * → PostgreSQL; the entry point's refusals; migrations from dist/ (safe to run twice).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl, testServerUrl } from '../../test/helpers.ts';
import { RUNNABLES } from '../hospital/commands.ts';
import { spawnBuilt } from './built-runnable.ts';
import { graphql, startBuiltIdentitySystem, type BuiltIdentitySystem } from './built-system.ts';
import { ensureFreshBuild } from './fresh-build.ts';

const root = path.resolve(import.meta.dirname, '../..');
let system: BuiltIdentitySystem | undefined;

beforeAll(async () => {
  await ensureFreshBuild(root);
  system = await startBuiltIdentitySystem(root, testDatabaseUrl());
}, 120_000);

afterAll(async () => {
  await system?.close();
});

describe('node dist/hospital.js', () => {
  it('serves a signed-in query: router → identity subgraph → identity service → PostgreSQL', async () => {
    const { routerUrl, account } = system!;
    const login = await graphql<{ login: { accessToken: string } }>(
      routerUrl,
      'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      account,
    );
    expect(login.errors).toBeUndefined();
    const token = login.data!.login.accessToken;
    const me = await graphql<{ me: { email: string; role: string } }>(routerUrl, '{ me { email role } }', {}, token);
    expect(me).toEqual({ data: { me: { email: account.email, role: 'ADMIN' } } });
  });

  it('has a bundle for every command', () => {
    for (const runnable of RUNNABLES.values()) expect(existsSync(path.join(root, 'dist', runnable.bundle)), runnable.bundle).toBe(true);
  });

  it('holds the API explorer bundle the built router serves (production installs no esbuild to bundle it)', () => {
    for (const file of ['explorer.js', 'explorer.css', 'editor.worker.js', 'graphql.worker.js', 'json.worker.js']) {
      expect(existsSync(path.join(root, 'dist/router/explorer-assets', file)), file).toBe(true);
    }
  });

  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['service', 'radiology'], 'unknown department "radiology"'],
    [['subgraph'], '"subgraph" needs a department'],
    [[], 'no command given'],
  ])('refuses %j with exit code 2 and the list of valid commands', async (args, message) => {
    const run = spawnBuilt(root, args, {});
    const { code } = await run.exited;
    expect(code).toBe(2);
    expect(run.output()).toContain(message);
    expect(run.output()).toContain('subgraph <department>');
    expect(run.output()).toContain('departments: identity, patients, appointments, notifications, finance, pharmacy, ward');
  });

  it('migrates from dist/ (the wasm schema engine and migrations copied there); a second run changes nothing', async () => {
    const run = spawnBuilt(root, ['migrate'], { MIGRATION_DATABASE_URL: testServerUrl() });
    const { code } = await run.exited;
    expect(code, run.output()).toBe(0);
    expect(run.output()).toContain('database already up to date');
  }, 60_000);
});
