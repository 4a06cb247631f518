/**
 * The unary wrapper keeps a caller's x-request-id only when the kit's rule allows it: before,
 * any metadata value (a 200-character id, one with a newline) went into the logs and the audit trail.
 */
import * as grpc from '@grpc/grpc-js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { unary } from './grpc-handler.ts';
import { IDENTITY_HEADER, signIdentity } from './identity-token.ts';
import { createLogger } from './logger.ts';
import { json, jsonUnaryMethod } from './testing/json-unary-method.ts';

const secret = 'request-id-test-secret-0123456789abcdef';
const definition = { echo: jsonUnaryMethod('/test.Echo/Echo') };

let server: grpc.Server;
let client: grpc.Client;

beforeAll(async () => {
  server = new grpc.Server();
  const handler = unary('authenticated', async (_request: object, scope) => ({ requestId: scope.requestId }), {
    internalSecret: secret,
    logger: createLogger('request-id-test', 'silent'),
  });
  server.addService(definition, { echo: handler as grpc.UntypedHandleCall });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
});

afterAll(() => {
  client.close();
  server.forceShutdown();
});

async function echoedRequestId(requestId: string): Promise<string> {
  const metadata = new grpc.Metadata();
  metadata.set(IDENTITY_HEADER, signIdentity({ kind: 'user', userId: '6f1c1f0e-7a53-4f5e-9a54-0f6c2f1f2a11', role: 'admin', email: 'a@example.org' }, secret));
  metadata.set('x-request-id', requestId);
  return new Promise((resolve, reject) =>
    client.makeUnaryRequest('/test.Echo/Echo', json.serialize, json.deserialize, {}, metadata, (error, response) =>
      error ? reject(error) : resolve((response as { requestId: string }).requestId),
    ),
  );
}

it('keeps a well-formed request id', async () => {
  expect(await echoedRequestId('r-42')).toBe('r-42');
});

it.each(['x'.repeat(200), 'a b', 'x'.repeat(100)])('replaces %j with a fresh UUID', async (bad) => {
  expect(await echoedRequestId(bad)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
