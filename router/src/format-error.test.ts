import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, requestContextStore } from '@hospital/service-kit';
import { GraphQLError } from 'graphql';
import { createFormatError, MASKED_MESSAGE, UNAVAILABLE_MESSAGE, withoutSuggestions } from './format-error.ts';

const lines: string[] = [];
const logger = createLogger('test', 'error', new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
const production = createFormatError({ production: true, logger });
const development = createFormatError({ production: false, logger });

describe('formatError', () => {
  it('passes our codes through in production, keeping only code and field', () => {
    const formatted = production(
      {
        message: 'Date of birth is in the future.',
        path: ['registerPatient'],
        extensions: { code: 'BAD_USER_INPUT', field: 'dateOfBirth', serviceName: 'patients', stacktrace: ['at x'] },
      },
      new Error('x'),
    );
    expect(formatted).toEqual({ message: 'Date of birth is in the future.', path: ['registerPatient'], extensions: { code: 'BAD_USER_INPUT', field: 'dateOfBirth' } });
  });

  it('passes abuse-limit refusals through in production, with the retry time', () => {
    const limited = production({ message: 'Too many requests for this account; retry in 9 s.', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 9 } }, new Error('x'));
    expect(limited.extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 9 });
    const costly = production({ message: 'The operation is too costly: it costs 9000 (at most 5000).', extensions: { code: 'OPERATION_TOO_COSTLY', cost: 9000 } }, new Error('x'));
    expect(costly).toEqual({ message: 'The operation is too costly: it costs 9000 (at most 5000).', extensions: { code: 'OPERATION_TOO_COSTLY' } });
  });

  it('masks anything else in production with the request id, and logs it', () => {
    const formatted = requestContextStore.run({ requestId: 'req-1' }, () =>
      production({ message: 'connect ECONNREFUSED 10.0.0.7:5432', path: ['patient'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at db'] } }, new Error('boom')),
    );
    expect(formatted).toEqual({ message: MASKED_MESSAGE, path: ['patient'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-1' } });
    expect(lines.join('')).toContain('unexpected error');
  });

  it('answers a subgraph that could not be reached as a retryable SERVICE_UNAVAILABLE, not a masked 500', () => {
    const hangUp = Object.assign(new Error('request to http://127.0.0.1:4002/graphql failed, reason: socket hang up'), { code: 'ECONNRESET', type: 'system' });
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4002'), { code: 'ECONNREFUSED' }) });
    for (const cause of [hangUp, refused]) {
      const formatted = production(
        { message: cause.message, path: ['appointments'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        new GraphQLError(cause.message, { originalError: cause }),
      );
      expect(formatted).toEqual({ message: UNAVAILABLE_MESSAGE, path: ['appointments'], extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 } });
    }
    const starting = production({ message: '503: Service Unavailable', extensions: { code: 'INTERNAL_SERVER_ERROR', response: { status: 503 } } }, new Error('x'));
    expect(starting.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 1 });
    const broken = production({ message: '500: Internal Server Error', extensions: { code: 'INTERNAL_SERVER_ERROR', response: { status: 500 } } }, new Error('x'));
    expect(broken.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
  });

  it('masks errors without a code', () => {
    expect(production({ message: 'Cannot read properties of undefined' }, new TypeError('x')).message).toBe(MASKED_MESSAGE);
  });

  it('keeps details in development but still adds the request id to unexpected errors', () => {
    const formatted = requestContextStore.run({ requestId: 'req-2' }, () => development({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new Error('boom')));
    expect(formatted).toEqual({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-2' } });
  });

  it('drops "Did you mean" hints in production only', () => {
    const hinted = { message: 'Cannot query field "patiens" on type "Query". Did you mean "patients" or "patient"?', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } };
    expect(production(hinted, new Error('x')).message).toBe('Cannot query field "patiens" on type "Query".');
    expect(development(hinted, new Error('x')).message).toBe(hinted.message);
    expect(withoutSuggestions('Value "ADMN" does not exist in "Role" enum. Did you mean the enum value "ADMIN"?')).toBe('Value "ADMN" does not exist in "Role" enum.');
    expect(withoutSuggestions('Unknown argument "x".')).toBe('Unknown argument "x".');
  });
});
