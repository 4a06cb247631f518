/** Shedding inside a service, over a real gRPC server and client on loopback. */
import { credentials, makeGenericClientConstructor, type ServiceDefinition, type ServiceError } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUSY_MESSAGE } from './call-shedding.ts';
import { RETRY_AFTER_METADATA_KEY } from './errors.ts';
import { graphqlCodeFromGrpc } from './grpc-status.ts';
import { startGrpcServer, type RunningGrpcServer } from './grpc-server.ts';
import { createLogger } from './logger.ts';
import { jsonUnaryMethod } from './testing/json-unary-method.ts';

const definition: ServiceDefinition = { Wait: jsonUnaryMethod('/test.Slow/Wait') };

let server: RunningGrpcServer;
let client: InstanceType<ReturnType<typeof makeGenericClientConstructor>>;

beforeAll(async () => {
  server = await startGrpcServer({
    services: [
      { name: 'test.Slow', definition, implementation: { Wait: (_call: unknown, callback: (e: null, v: unknown) => void) => setTimeout(() => callback(null, { ok: true }), 300) } },
    ],
    host: '127.0.0.1',
    port: 0,
    logger: createLogger('shed-test', 'silent'),
    maxConcurrentCalls: 2,
  });
  client = new (makeGenericClientConstructor(definition, 'Slow'))(`127.0.0.1:${server.port}`, credentials.createInsecure());
});

afterAll(async () => {
  client?.close();
  await server?.close(100);
});

const wait = () =>
  new Promise<{ ok: boolean } | ServiceError>((resolve) => {
    (client as unknown as { Wait(req: unknown, cb: (e: ServiceError | null, v: { ok: boolean }) => void): void }).Wait({}, (error, value) => resolve(error ?? value));
  });

describe('call shedding in a service', () => {
  it('answers calls past the bound at once with UNAVAILABLE and a retry delay (a 503 SERVICE_UNAVAILABLE for clients), and serves again after', async () => {
    const answers = await Promise.all([wait(), wait(), wait()]);
    const shed = answers.filter((a): a is ServiceError => 'code' in a);
    expect(answers.filter((a) => 'ok' in a)).toHaveLength(2);
    expect(shed).toHaveLength(1);
    expect(shed[0]!.details).toBe(BUSY_MESSAGE);
    const retryAfter = Number(shed[0]!.metadata.get(RETRY_AFTER_METADATA_KEY)[0]);
    expect(retryAfter).toBe(1);
    expect(graphqlCodeFromGrpc(shed[0]!.code, retryAfter)).toBe('SERVICE_UNAVAILABLE');
    expect(await wait()).toEqual({ ok: true });
  });
});
