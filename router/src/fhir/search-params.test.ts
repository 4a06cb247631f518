import { describe, expect, it } from 'vitest';
import { fhirErrorOfCode, FhirError } from './outcome.ts';
import { parseDateSearch, parseSearch, parseToken, referencedId } from './search-params.ts';
import { FHIR_APPOINTMENT_STATUS, INVOICE_STATUS, ourValuesFor } from './value-sets.ts';

const declared = [{ name: 'date', type: 'date', documentation: '' }] as const;

describe('parseDateSearch', () => {
  it.each([
    ['2026-03-04', 'eq', '2026-03-04T00:00:00.000Z', '2026-03-05T00:00:00.000Z'],
    ['ge2026-03', 'ge', '2026-03-01T00:00:00.000Z', '2026-04-01T00:00:00.000Z'],
    ['lt2026', 'lt', '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ['le2026-12-31', 'le', '2026-12-31T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    ['gt2026-03-04T10:00:00+01:00', 'gt', '2026-03-04T09:00:00.000Z', '2026-03-04T09:00:01.000Z'],
  ])('%s', (value, prefix, start, end) => {
    const parsed = parseDateSearch(value);
    expect([parsed.prefix, parsed.start.toISOString(), parsed.end.toISOString()]).toEqual([prefix, start, end]);
  });

  it('keeps years below 100 as written (not 19xx)', () => {
    const parsed = parseDateSearch('0050-01-01');
    expect([parsed.start.toISOString(), parsed.end.toISOString()]).toEqual(['0050-01-01T00:00:00.000Z', '0050-01-02T00:00:00.000Z']);
    expect(parseDateSearch('lt0099').end.toISOString()).toBe('0100-01-01T00:00:00.000Z');
  });

  it.each(['2026-02-30', '2026-13', 'sa2026-01-01', 'ge', '2026-03-04T10:00', 'yesterday', 'ge2026-02-30T10:00Z', '2026-04-31T00:00:00Z', '2026-03-04T24:00Z'])(
    'refuses %s with a 400',
    (value) => {
      expect(() => parseDateSearch(value)).toThrow(FhirError);
      try {
        parseDateSearch(value);
      } catch (error) {
        expect((error as FhirError).status).toBe(400);
      }
    },
  );
});

describe('parseSearch', () => {
  it('keeps repeats, caps _count at 100 and takes the cursor', () => {
    const parsed = parseSearch({ date: ['ge2026-01-01', 'le2026-02-01'], _count: '500', _cursor: 'abc' }, declared);
    expect(parsed).toEqual({ values: new Map([['date', ['ge2026-01-01', 'le2026-02-01']]]), count: 100, cursor: 'abc' });
  });

  it.each([
    [{ colour: 'x' }],
    [{ 'date:missing': 'true' }],
    [{ _count: '0' }],
    [{ _count: '-1' }],
    [{ date: '' }],
    [{ _cursor: ['a', 'b'] }],
    [{ _cursor: '' }],
    [{ date: { nested: 'x' } }],
  ])('refuses %o with a 400', (query) => {
    expect(() => parseSearch(query, declared)).toThrow(expect.objectContaining({ status: 400 }));
  });
});

describe('tokens, references and codes', () => {
  it('splits tokens and reads references', () => {
    expect(parseToken('urn:x|MRN-1')).toEqual({ system: 'urn:x', code: 'MRN-1' });
    expect(parseToken('|MRN-1')).toEqual({ code: 'MRN-1' });
    expect(referencedId('https://h.example/fhir/R4/Patient/abc-1', 'Patient')).toBe('abc-1');
    expect(referencedId('abc-1', 'Patient')).toBe('abc-1');
    expect(() => referencedId('Practitioner/abc', 'Patient')).toThrow(FhirError);
  });

  it('maps appointment status codes both ways and refuses junk', () => {
    expect(ourValuesFor(FHIR_APPOINTMENT_STATUS, 'booked,noshow', 'an appointment status')).toEqual(['SCHEDULED', 'NO_SHOW']);
    expect(ourValuesFor(FHIR_APPOINTMENT_STATUS, 'proposed', 'an appointment status')).toEqual([]);
    expect(ourValuesFor(INVOICE_STATUS, 'http://hl7.org/fhir/invoice-status|issued', 'an invoice status')).toEqual(['ISSUED', 'PARTIALLY_PAID']);
    expect(() => ourValuesFor(FHIR_APPOINTMENT_STATUS, 'BOOKED!', 'an appointment status')).toThrow(FhirError);
  });

  it.each([
    ['UNAUTHENTICATED', 401, 'login'],
    ['FORBIDDEN', 403, 'forbidden'],
    ['RATE_LIMITED', 429, 'throttled'],
    ['SERVICE_UNAVAILABLE', 503, 'transient'],
    ['NOT_FOUND', 404, 'not-found'],
    ['BAD_USER_INPUT', 400, 'invalid'],
    ['SOMETHING_NEW', 500, 'exception'],
  ])('%s answers %i (%s)', (code, status, issue) => {
    const error = fhirErrorOfCode(code, 'message');
    expect([error.status, error.issueCode]).toEqual([status, issue]);
  });
});
