import { describe, expect, it } from 'vitest';
import { DomainError } from '@hospital/service-kit';
import { escapeLike, parseSearch } from './search-query.ts';

describe('parseSearch', () => {
  it('lists everything for an empty search', () => {
    expect(parseSearch('')).toEqual({ kind: 'all' });
    expect(parseSearch('   ')).toEqual({ kind: 'all' });
  });

  it('reads MRNs case-insensitively, restoring leading zeros', () => {
    expect(parseSearch('MRN-000123')).toEqual({ kind: 'mrn', mrn: 'MRN-000123' });
    expect(parseSearch(' mrn-42 ')).toEqual({ kind: 'mrn', mrn: 'MRN-000042' });
    expect(parseSearch('Mrn-1234567')).toEqual({ kind: 'mrn', mrn: 'MRN-1234567' });
  });

  it('reads dates of birth, refusing impossible ones', () => {
    expect(parseSearch('1815-12-10')).toEqual({ kind: 'dateOfBirth', date: '1815-12-10' });
    expect(() => parseSearch('2023-02-30')).toThrow(DomainError);
    try {
      parseSearch('2023-02-30');
    } catch (error) {
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
    }
  });

  // Year 0 is a proleptic-Gregorian date (0000-02-29 even a leap day) that PostgreSQL's date cannot
  // hold: it was taken as a date of birth and the query failed (a masked INTERNAL). It is the
  // user's input, refused as such, by the one calendar-date rule (years 0001-9999).
  it.each(['0000-01-01', '0000-02-29', '0000-12-31'])('refuses %s, a date the register cannot hold, as BAD_USER_INPUT on search', (text) => {
    expect(() => parseSearch(text)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'search' }));
  });

  it('takes the first and last days the rule allows', () => {
    expect(parseSearch('0001-01-01')).toEqual({ kind: 'dateOfBirth', date: '0001-01-01' });
    expect(parseSearch('9999-12-31')).toEqual({ kind: 'dateOfBirth', date: '9999-12-31' });
  });

  it('reads one word as the start of either name', () => {
    expect(parseSearch('Ada')).toEqual({ kind: 'name', readings: [{ given: 'Ada' }, { family: 'Ada' }] });
  });

  it('reads several words as given + family (either order) or as one name', () => {
    expect(parseSearch('ada   lov')).toEqual({
      kind: 'name',
      readings: [{ given: 'ada lov' }, { family: 'ada lov' }, { given: 'ada', family: 'lov' }, { family: 'ada', given: 'lov' }],
    });
    const readings = (parseSearch('mary ann van') as { readings: unknown[] }).readings;
    expect(readings).toContainEqual({ given: 'mary ann', family: 'van' });
    expect(readings).toContainEqual({ given: 'mary', family: 'ann van' });
  });

  it('reads "Family, Given"', () => {
    expect(parseSearch('Lovelace, Ada')).toEqual({ kind: 'name', readings: [{ family: 'Lovelace', given: 'Ada' }] });
    expect(parseSearch('Lovelace,')).toEqual({ kind: 'name', readings: [{ given: 'Lovelace' }, { family: 'Lovelace' }] });
  });

  it('does not split long inputs every way, and refuses very long ones', () => {
    expect((parseSearch('a b c d e f') as { readings: unknown[] }).readings).toHaveLength(2);
    expect(() => parseSearch('x'.repeat(201))).toThrow(/at most/);
  });
});

describe('escapeLike', () => {
  it('escapes %, _ and backslash and nothing else', () => {
    expect(escapeLike('50%_a\\b')).toBe('50\\%\\_a\\\\b');
    expect(escapeLike("O'Brien")).toBe("O'Brien");
  });
});
