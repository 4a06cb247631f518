import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, rateLimited, RETRY_AFTER_METADATA_KEY, serviceBusy } from './errors.ts';
import { ERROR_TABLE, graphqlCodeFromGrpc, isOverloadFailure } from './grpc-status.ts';
import { toServiceError } from './grpc-handler.ts';
import { createLogger } from './logger.ts';

const silent = createLogger('errors-test', 'silent');

const readme = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../README.md'), 'utf8');

describe('the error vocabulary', () => {
  it('round-trips every code through its gRPC status (a retry delay marks the deliberate refusals)', () => {
    for (const code of ERROR_CODES) {
      const retry = code === 'RATE_LIMITED' || code === 'SERVICE_UNAVAILABLE' ? 3 : undefined;
      expect(graphqlCodeFromGrpc(ERROR_TABLE[code].grpc, retry)).toBe(code);
    }
  });

  it('treats overload raised by the transport (no retry delay) as SERVICE_UNAVAILABLE, never a masked 500', () => {
    expect(graphqlCodeFromGrpc(GrpcStatus.RESOURCE_EXHAUSTED)).toBe('SERVICE_UNAVAILABLE');
    expect(graphqlCodeFromGrpc(GrpcStatus.UNAVAILABLE)).toBe('SERVICE_UNAVAILABLE');
    expect(graphqlCodeFromGrpc(GrpcStatus.DEADLINE_EXCEEDED)).toBe('SERVICE_UNAVAILABLE');
  });

  it('masks every status outside the registry', () => {
    for (const status of [GrpcStatus.INTERNAL, GrpcStatus.UNKNOWN, GrpcStatus.UNIMPLEMENTED, GrpcStatus.DATA_LOSS, 99, undefined]) {
      expect(graphqlCodeFromGrpc(status)).toBe('INTERNAL_SERVER_ERROR');
    }
  });

  it('gives 429 and 503 a whole, positive retry delay', () => {
    expect(rateLimited('x', 0.2)).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: 1 });
    expect(serviceBusy('x', 2.5)).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 3 });
    expect(ERROR_TABLE.RATE_LIMITED.http).toBe(429);
    expect(ERROR_TABLE.SERVICE_UNAVAILABLE.http).toBe(503);
  });

  it('is documented: every code has a row in the README error table', () => {
    for (const code of ERROR_CODES) expect(readme).toMatch(new RegExp(`^\\| \`${code}\``, 'm'));
  });

  // Shapes as Prisma 7 with the pg adapter throws them (read from a real pool of one connection
  // held by a transaction): the transaction that cannot start in time, the raw query that gets no
  // connection; and a neighbour service's deadline.
  it.each([
    [
      'a transaction not started in time (P2028)',
      Object.assign(new Error('Transaction API error: Unable to start a transaction in the given time.'), { name: 'PrismaClientKnownRequestError', code: 'P2028', meta: {} }),
    ],
    ['no pooled connection in time', new Error('timeout exceeded when trying to connect')],
    ['a statement timeout (SQLSTATE 57014)', Object.assign(new Error('Raw query failed.'), { code: 'P2010', meta: { driverAdapterError: { cause: { code: '57014' } } } })],
    ['a deadlock victim (pg, SQLSTATE 40P01)', Object.assign(new Error('deadlock detected'), { code: '40P01' })],
    [
      'a serialization failure through Prisma (SQLSTATE 40001)',
      Object.assign(new Error('Raw query failed.'), { code: 'P2010', meta: { driverAdapterError: { cause: { code: '40001' } } } }),
    ],
    ["another service's deadline", Object.assign(new Error('4 DEADLINE_EXCEEDED: Deadline exceeded'), { code: GrpcStatus.DEADLINE_EXCEEDED, details: 'Deadline exceeded' })],
  ])('answers %s UNAVAILABLE with a retry delay (a 503 for clients), not a masked INTERNAL', (_name, error) => {
    expect(isOverloadFailure(error)).toBe(true);
    const answer = toServiceError(error, silent);
    expect(answer.code).toBe(GrpcStatus.UNAVAILABLE);
    expect(answer.metadata?.get(RETRY_AFTER_METADATA_KEY)).toEqual(['1']);
    expect(graphqlCodeFromGrpc(answer.code, 1)).toBe('SERVICE_UNAVAILABLE');
  });

  it('still masks a bug as INTERNAL', () => {
    expect(isOverloadFailure(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(toServiceError(new TypeError('x'), silent).code).toBe(GrpcStatus.INTERNAL);
    expect(toServiceError(Object.assign(new Error('Unique constraint failed'), { code: 'P2002' }), silent).code).toBe(GrpcStatus.INTERNAL);
  });
});
