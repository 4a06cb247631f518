import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, requestContextStore } from '@hospital/service-kit';
import { createFormatError, MASKED_MESSAGE } from './format-error.ts';

const lines: string[] = [];
const logger = createLogger('test', 'error', new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
const production = createFormatError({ production: true, logger });
const development = createFormatError({ production: false, logger });

describe('formatError', () => {
  it('passes our codes through in production, keeping only code and field', () => {
    const formatted = production(
      { message: 'Date of birth is in the future.', path: ['registerPatient'], extensions: { code: 'BAD_USER_INPUT', field: 'dateOfBirth', serviceName: 'patients', stacktrace: ['at x'] } },
      new Error('x'),
    );
    expect(formatted).toEqual({ message: 'Date of birth is in the future.', path: ['registerPatient'], extensions: { code: 'BAD_USER_INPUT', field: 'dateOfBirth' } });
  });

  it('masks anything else in production with the request id, and logs it', () => {
    const formatted = requestContextStore.run({ requestId: 'req-1' }, () =>
      production({ message: 'connect ECONNREFUSED 10.0.0.7:5432', path: ['patient'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at db'] } }, new Error('boom')),
    );
    expect(formatted).toEqual({ message: MASKED_MESSAGE, path: ['patient'], extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-1' } });
    expect(lines.join('')).toContain('unexpected error');
  });

  it('masks errors without a code', () => {
    expect(production({ message: 'Cannot read properties of undefined' }, new TypeError('x')).message).toBe(MASKED_MESSAGE);
  });

  it('keeps details in development but still adds the request id to unexpected errors', () => {
    const formatted = requestContextStore.run({ requestId: 'req-2' }, () =>
      development({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new Error('boom')),
    );
    expect(formatted).toEqual({ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-2' } });
  });
});
