/** gRPC status → GraphQL error, and masking of everything else. */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { createLogger, FIELD_METADATA_KEY, requestContextStore } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';
import { callGrpc, createErrorFormatter, INTERNAL_MESSAGE, toGraphQLError, UNAVAILABLE_MESSAGE } from './errors.ts';

/** A status as grpc-js rejects with it: code, details, trailing metadata. */
function grpcError(code: number, details: string, field?: string) {
  const metadata = callMetadata('token', 'request');
  if (field) metadata.set(FIELD_METADATA_KEY, field);
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata });
}

describe('toGraphQLError', () => {
  it.each([
    [3, 'BAD_USER_INPUT'],
    [5, 'NOT_FOUND'],
    [6, 'CONFLICT'],
    [9, 'PASSWORD_CHANGE_REQUIRED'],
    [7, 'FORBIDDEN'],
    [16, 'UNAUTHENTICATED'],
  ])('maps gRPC status %i to %s with the service message', (code, expected) => {
    const error = toGraphQLError(grpcError(code, 'Safe message.'));
    expect(error.message).toBe('Safe message.');
    expect(error.extensions).toEqual({ code: expected });
  });

  it('carries the x-error-field trailer as extensions.field', () => {
    expect(toGraphQLError(grpcError(3, 'Not in the future.', 'dateOfBirth')).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'dateOfBirth' });
  });

  it.each([
    [14, 'UNAVAILABLE'],
    [4, 'DEADLINE_EXCEEDED'],
    [8, 'RESOURCE_EXHAUSTED without a retry delay'],
  ])('answers status %i (%s) as a retryable SERVICE_UNAVAILABLE, never a masked 500', (code) => {
    const error = toGraphQLError(grpcError(code, 'Deadline exceeded after 5.001s'));
    expect(error.message).toBe(UNAVAILABLE_MESSAGE);
    expect(error.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 });
    expect(error.originalError).toBeDefined();
  });

  it.each([13, 2, 12])('hides status %i behind INTERNAL_SERVER_ERROR', (code) => {
    const error = toGraphQLError(grpcError(code, 'connect ECONNREFUSED 10.0.0.7:50052'));
    expect(error.message).toBe(INTERNAL_MESSAGE);
    expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR' });
    expect(error.originalError).toBeDefined();
  });

  it('rethrows through callGrpc', async () => {
    await expect(callGrpc(Promise.reject(grpcError(5, 'No such patient.')))).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
    await expect(callGrpc(Promise.resolve(42))).resolves.toBe(42);
  });
});

describe('createErrorFormatter', () => {
  const lines: string[] = [];
  const logger = createLogger('test', 'error', new Writable({ write: (chunk: Buffer, _enc, done) => (lines.push(chunk.toString()), done()) }));

  it('passes client errors and masks the rest with the request id in production', () => {
    const format = createErrorFormatter({ production: true, logger });
    const forbidden = { message: 'Your role may not do this.', extensions: { code: 'FORBIDDEN' } };
    expect(format(forbidden, new GraphQLError(forbidden.message))).toBe(forbidden);
    const masked = requestContextStore.run({ requestId: 'req-1' }, () =>
      format({ message: 'relation "patients" does not exist', path: ['patient'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, new Error('db')),
    );
    expect(masked).toEqual({ message: INTERNAL_MESSAGE, path: ['patient'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-1' } });
    expect(lines.some((line) => line.includes('"requestId":"req-1"'))).toBe(true);
  });

  it('keeps the message in development, still with the request id', () => {
    const format = createErrorFormatter({ production: false, logger });
    const kept = requestContextStore.run({ requestId: 'req-2' }, () => format({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new Error('boom')));
    expect(kept).toEqual({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-2' } });
  });
});
