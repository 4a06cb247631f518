/**
 * Shutdown in every state, on the built runnables: each gets SIGTERM after its collaborator is gone
 * (the service's database, the subgraph's gRPC service, the router's subgraph and identity
 * service, the web server's router), with its log pipe no longer read and an idle client still
 * connected, and must exit within SHUTDOWN_GRACE_MS (plus the watchdog's second). Before the fix
 * the service froze in pino's endless retry of a full stdout and never exited.
 */
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../test/helpers.ts';
import { startTcpProxy, type TcpProxy } from '../../test/tcp-proxy.ts';
import { freePort } from '@hospital/service-kit';
import { startBuilt, type BuiltRunnable } from './built-runnable.ts';
import { graphql, startBuiltIdentitySystem, type BuiltIdentitySystem } from './built-system.ts';
import { ensureFreshBuild } from './fresh-build.ts';

const root = path.resolve(import.meta.dirname, '../..');
const GRACE_MS = 2_000;
/** Grace, the watchdog's extra second, and process start/exit slack on a busy machine. */
const BOUND_MS = GRACE_MS + 2_500;

/** An idle client holding a connection open: a shutdown must not wait for it forever. */
function idleClient(port: number): net.Socket {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => undefined);
  return socket;
}

/** Stops reading the runnable's output: its next log lines meet a full, then broken, pipe. */
function abandonLogPipe(runnable: BuiltRunnable): void {
  runnable.child.stdout?.destroy();
  runnable.child.stderr?.destroy();
}

/** SIGTERMs and resolves with how long the exit took (Infinity when it did not exit within `limitMs`). */
async function terminate(runnable: BuiltRunnable, limitMs: number): Promise<number> {
  const started = Date.now();
  runnable.child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), limitMs + 5_000));
  const result = await Promise.race([runnable.exited, timeout]);
  if (result === 'timeout') {
    runnable.child.kill('SIGKILL');
    return Infinity;
  }
  return Date.now() - started;
}

let proxy: TcpProxy;
let system: BuiltIdentitySystem;
let web: BuiltRunnable;
const idle: net.Socket[] = [];

beforeAll(async () => {
  await ensureFreshBuild(root);
  const database = new URL(testDatabaseUrl());
  proxy = await startTcpProxy(database);
  const throughProxy = new URL(database);
  throughProxy.hostname = '127.0.0.1';
  throughProxy.port = String(proxy.port);
  system = await startBuiltIdentitySystem(root, throughProxy.toString(), { SHUTDOWN_GRACE_MS: String(GRACE_MS) });
  const webPort = await freePort();
  web = await startBuilt(
    root,
    ['web'],
    { WEB_HOST: '127.0.0.1', WEB_PORT: String(webPort), ROUTER_URL: system.routerUrl, SHUTDOWN_GRACE_MS: String(GRACE_MS) },
    { http: `http://127.0.0.1:${webPort}/config.json` },
  );
  // One real request through every hop, so pools and channels are open when the collaborators go.
  const viaWeb = await graphql<{ login: { accessToken: string } }>(
    `http://127.0.0.1:${webPort}/graphql`,
    'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
    system.account,
  );
  expect(viaWeb.data?.login.accessToken).toBeTruthy();
  for (const port of [Number(system.grpcTarget.split(':')[1]), Number(new URL(system.subgraphUrl).port), Number(new URL(system.routerUrl).port), webPort]) {
    idle.push(idleClient(port));
  }
  for (const runnable of [system.service, system.subgraph, system.router, web]) abandonLogPipe(runnable);
}, 120_000);

afterAll(async () => {
  for (const socket of idle) socket.destroy();
  for (const runnable of [web, system?.router, system?.subgraph, system?.service]) runnable?.child.kill('SIGKILL');
  proxy?.close();
});

describe(`SIGTERM exits within SHUTDOWN_GRACE_MS=${GRACE_MS} (+ watchdog) with collaborators gone, log pipe abandoned, a client connected`, () => {
  it('the gRPC service, its database gone', async () => {
    proxy.close();
    expect(await terminate(system.service, BOUND_MS)).toBeLessThan(BOUND_MS);
  });

  it('the subgraph, its gRPC service gone', async () => {
    expect(await terminate(system.subgraph, BOUND_MS)).toBeLessThan(BOUND_MS);
  });

  it('the router, its subgraph and the identity service gone', async () => {
    expect(await terminate(system.router, BOUND_MS)).toBeLessThan(BOUND_MS);
  });

  it('the web server, the router gone', async () => {
    expect(await terminate(web, BOUND_MS)).toBeLessThan(BOUND_MS);
  });
});
