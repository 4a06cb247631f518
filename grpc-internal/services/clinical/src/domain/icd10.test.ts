import { describe, expect, it } from 'vitest';
import { findIcd10, ICD10_CODES, searchIcd10 } from './icd10.ts';

describe('the shipped ICD-10 list', () => {
  it('holds well-formed, unique codes', () => {
    const codes = ICD10_CODES.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/);
  });

  it('finds a code whatever its case and dot', () => {
    expect(findIcd10('j18.9')?.description).toBe('Pneumonia, unspecified organism');
    expect(findIcd10('J189')?.code).toBe('J18.9');
    expect(findIcd10('X99.9')).toBeUndefined();
  });

  it('searches codes first, then descriptions', () => {
    expect(searchIcd10('I1').map((e) => e.code)).toEqual(['I10']);
    expect(searchIcd10('pneumonia').map((e) => e.code)).toEqual(['J18.9']);
  });
});
