/**
 * Every server command the image's entry point accepts starts its built runnable: every
 * department's service and subgraph, the router and the web server, all at once from dist/ with `node`,
 * wired to each other (never to another system's default ports), each answering its readiness probe.
 */
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../test/helpers.ts';
import { DEPARTMENTS } from '../hospital/commands.ts';
import { freePort } from '@hospital/service-kit';
import { startBuilt, type BuiltRunnable } from './built-runnable.ts';
import { ensureFreshBuild } from './fresh-build.ts';
import { serverTargets } from './runnable-targets.ts';

const root = path.resolve(import.meta.dirname, '../..');
const running: BuiltRunnable[] = [];

beforeAll(async () => {
  await ensureFreshBuild(root);
}, 180_000);

afterAll(async () => {
  await Promise.all(running.map((runnable) => runnable.stop(5_000)));
});

it('starts every server command from dist/ (services, subgraphs, router, web)', async () => {
  const grpcPorts = new Map<string, number>();
  for (const dept of DEPARTMENTS) grpcPorts.set(dept, await freePort());
  const grpcTargets = Object.fromEntries(DEPARTMENTS.map((dept) => [`${dept.toUpperCase()}_GRPC_TARGET`, `127.0.0.1:${grpcPorts.get(dept)}`]));
  const targets = serverTargets(testDatabaseUrl(), grpcTargets);
  const ports = await Promise.all(targets.map(async (target) => (target.command[0] === 'service' ? grpcPorts.get(target.command[1]!)! : await freePort())));
  const started = await Promise.allSettled(
    targets.map(async (target, index) => {
      const runnable = await startBuilt(root, target.command, target.env(ports[index]!), target.ready(ports[index]!), 75_000);
      running.push(runnable);
      return target.command.join(' ');
    }),
  );
  const failed = started.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : []));
  expect(failed).toEqual([]);
  expect(started).toHaveLength(DEPARTMENTS.length * 2 + 2);
}, 120_000);
