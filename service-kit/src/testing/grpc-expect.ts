/** Assertions on gRPC errors for every service's integration tests (`@hospital/service-kit/testing`). */
import { status as GrpcStatus, type ServiceError } from '@grpc/grpc-js';
import { FIELD_METADATA_KEY } from '../errors.ts';
import { expect } from 'vitest';

/**
 * Awaits a call that must fail, and checks its status (and message or field when given).
 * @param call - the pending call
 * @param code - expected gRPC status
 * @param expected - optional message pattern and field
 */
export async function expectGrpcError(call: Promise<unknown>, code: GrpcStatus, expected: { message?: string | RegExp; field?: string } = {}): Promise<ServiceError> {
  const error = (await call.then(
    () => expect.unreachable(`expected ${GrpcStatus[code]}`),
    (caught: unknown) => caught,
  )) as ServiceError;
  expect(GrpcStatus[error.code], error.details).toBe(GrpcStatus[code]);
  if (expected.message !== undefined) expect(error.details).toMatch(expected.message);
  if (expected.field !== undefined) expect(error.metadata?.get(FIELD_METADATA_KEY)[0]).toBe(expected.field);
  return error;
}
