/** The DateTime and Date scalars: validation, normalisation, BAD_USER_INPUT on bad input. */
import { describe, expect, it } from 'vitest';
import { GraphQLError } from 'graphql';
import { DateScalar, DateTimeScalar, isCalendarDate, normalizeDateTime } from './scalars.ts';

describe('Date', () => {
  it.each(['2024-02-29', '2026-11-24', '0001-01-01', '1999-12-31'])('accepts %s', (value) => {
    expect(DateScalar.parseValue(value)).toBe(value);
    expect(DateScalar.serialize(value)).toBe(value);
  });

  it.each(['2023-02-29', '2026-13-01', '2026-04-31', '2026-1-01', '20260101', '2026-01-01T00:00:00Z', '', 20260101])('rejects %s', (value) => {
    expect(() => DateScalar.parseValue(value)).toThrow(GraphQLError);
    try {
      DateScalar.parseValue(value);
    } catch (error) {
      expect((error as GraphQLError).extensions['code']).toBe('BAD_USER_INPUT');
    }
  });

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('1900-02-29')).toBe(false);
  });
});

describe('DateTime', () => {
  it('normalises RFC 3339 to UTC ISO', () => {
    expect(DateTimeScalar.parseValue('2026-11-24T09:30:00Z')).toBe('2026-11-24T09:30:00.000Z');
    expect(DateTimeScalar.parseValue('2026-11-24T10:30:00.5+01:00')).toBe('2026-11-24T09:30:00.500Z');
    expect(DateTimeScalar.serialize('2026-11-24t09:30:00z')).toBe('2026-11-24T09:30:00.000Z');
    expect(DateTimeScalar.serialize(new Date('2026-11-24T09:30:00Z'))).toBe('2026-11-24T09:30:00.000Z');
  });

  it.each(['2026-11-24', '2026-02-30T00:00:00Z', '2026-11-24T24:00:00Z', '2026-11-24T09:30:00', 'yesterday', '', 0])('rejects %s with BAD_USER_INPUT', (value) => {
    expect(normalizeDateTime(String(value))).toBeUndefined();
    try {
      DateTimeScalar.parseValue(value);
      expect.unreachable();
    } catch (error) {
      expect((error as GraphQLError).extensions['code']).toBe('BAD_USER_INPUT');
    }
  });

  it('treats a malformed value from a service as an internal error, not user input', () => {
    expect(() => DateTimeScalar.serialize('not a time')).toThrow(/cannot represent/);
  });
});
