import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { status as GrpcStatus } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_TABLE, graphqlCodeFromGrpc, rateLimited, serviceBusy } from './errors.ts';

const readme = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../README.md'), 'utf8');

describe('the error vocabulary', () => {
  it('round-trips every code through its gRPC status (a retry delay marks the deliberate refusals)', () => {
    for (const code of ERROR_CODES) {
      const retry = code === 'RATE_LIMITED' || code === 'SERVICE_UNAVAILABLE' ? 3 : undefined;
      expect(graphqlCodeFromGrpc(ERROR_TABLE[code].grpc, retry)).toBe(code);
    }
  });

  it('masks RESOURCE_EXHAUSTED and UNAVAILABLE raised by the transport (no retry delay)', () => {
    expect(graphqlCodeFromGrpc(GrpcStatus.RESOURCE_EXHAUSTED)).toBe('INTERNAL_SERVER_ERROR');
    expect(graphqlCodeFromGrpc(GrpcStatus.UNAVAILABLE)).toBe('INTERNAL_SERVER_ERROR');
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
});
