import { describe, expect, it } from 'vitest';
import { parseRequest } from '@hospital/service-kit';
import { badInputField } from '@hospital/service-kit/testing';
import { registerPatientSchema } from './register-patient.schema.ts';
import { updatePatientSchema } from './update-patient.schema.ts';

const now = () => new Date('2026-06-01T12:00:00Z');
const valid = {
  givenName: ' Ada ',
  familyName: 'Lovelace',
  dateOfBirth: '1985-12-10',
  sex: 'SEX_FEMALE',
  phone: '',
  email: ' ada@example.org ',
  address: '12 St James’s Square\nLondon',
  allergies: [' Penicillin', 'penicillin ', 'Latex'],
};

describe('registerPatientSchema', () => {
  it('trims, maps sex, turns empty optional text into null and de-duplicates allergies', () => {
    expect(parseRequest(registerPatientSchema(now), valid)).toEqual({
      givenName: 'Ada',
      familyName: 'Lovelace',
      dateOfBirth: '1985-12-10',
      sex: 'female',
      phone: null,
      email: 'ada@example.org',
      address: '12 St James’s Square\nLondon',
      allergies: ['Penicillin', 'Latex'],
    });
  });

  it.each([
    ['givenName', { givenName: '  ' }],
    ['givenName', { givenName: 'x'.repeat(101) }],
    ['familyName', { familyName: 'Love\u0007lace' }],
    ['dateOfBirth', { dateOfBirth: '2026-06-03' }],
    ['dateOfBirth', { dateOfBirth: '1899-12-31' }],
    ['dateOfBirth', { dateOfBirth: '2001-02-29' }],
    ['dateOfBirth', { dateOfBirth: '' }],
    ['email', { email: 'not-an-email' }],
    ['phone', { phone: 'call me' }],
    ['phone', { phone: '12' }],
    ['address', { address: 'a\u0000b' }],
    ['allergies', { allergies: [''] }],
    ['allergies', { allergies: ['x'.repeat(101)] }],
    ['allergies', { allergies: Array.from({ length: 51 }, (_, i) => `a${i}`) }],
    ['sex', { sex: 42 }],
  ])('blames %s for %o', (field, override) => {
    expect(badInputField(() => parseRequest(registerPatientSchema(now), { ...valid, ...override }))).toBe(field);
  });

  it('accepts unspecified sex as unknown and international phone numbers', () => {
    const parsed = parseRequest(registerPatientSchema(now), { ...valid, sex: 'SEX_UNSPECIFIED', phone: '+44 (20) 7946-0000' });
    expect(parsed).toMatchObject({ sex: 'unknown', phone: '+44 (20) 7946-0000' });
  });
});

describe('updatePatientSchema', () => {
  const id = '6f1c1f0e-7a53-4f5e-9a54-0f6c2f1f2a11';

  it('keeps only the fields that are set, and clears contact details given as empty', () => {
    expect(parseRequest(updatePatientSchema(now), { id, allergies: [], setAllergies: false, phone: ' ' })).toEqual({
      id,
      phone: null,
      allergies: [],
      setAllergies: false,
    });
  });

  it('refuses a malformed id and allergies without setAllergies', () => {
    expect(badInputField(() => parseRequest(updatePatientSchema(now), { id: 'nope', allergies: [], setAllergies: false }))).toBe('id');
    expect(badInputField(() => parseRequest(updatePatientSchema(now), { id, allergies: ['Nuts'], setAllergies: false }))).toBe('allergies');
  });
});
