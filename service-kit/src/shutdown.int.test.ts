/**
 * registerShutdown with a gRPC server whose client holds a stream open (a health Watch, like a
 * subscription): SIGTERM drains for what is left of the grace period, then cancels the stream, and
 * the process exits 0 within the grace period. Before, the server's own 10 s drain outlasted a
 * shorter SHUTDOWN_GRACE_MS and the process could only be cut off (exit 1).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { service as healthService } from 'grpc-health-check';
import { expect, it } from 'vitest';

const kit = path.resolve(import.meta.dirname, 'index.ts');
const kitGrpc = path.resolve(import.meta.dirname, 'grpc.ts');
const GRACE_MS = 2_000;
const server = `
  import { createLogger, registerShutdown } from ${JSON.stringify(kit)};
  import { startGrpcServer } from ${JSON.stringify(kitGrpc)};
  const logger = createLogger('shutdown-test', 'silent');
  const server = await startGrpcServer({ services: [], host: '127.0.0.1', port: 0, logger });
  registerShutdown(logger, [() => server.close()], { graceMs: ${GRACE_MS} });
  console.log('PORT ' + server.port);
`;

it(`SIGTERM with a stream held open: drained, cancelled, exit 0 within SHUTDOWN_GRACE_MS=${GRACE_MS}`, async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', server], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve) =>
    child.stdout.on('data', (chunk: Buffer) => /PORT (\d+)/.test(String(chunk)) && resolve(Number(/PORT (\d+)/.exec(String(chunk))![1]))),
  );
  const Health = grpc.makeGenericClientConstructor(healthService, 'Health');
  const client = new Health(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const watch = client['watch']!.bind(client) as (request: object) => grpc.ClientReadableStream<unknown>;
  const stream = watch({ service: '' });
  const ended = new Promise<grpc.StatusObject | Error>((resolve) => {
    stream.on('error', resolve);
    stream.on('status', resolve);
  });
  await new Promise<void>((resolve) => stream.once('data', () => resolve()));

  const started = Date.now();
  child.kill('SIGTERM');
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  expect(code).toBe(0);
  expect(Date.now() - started).toBeLessThan(GRACE_MS);
  await ended;
  client.close();
}, 30_000);
