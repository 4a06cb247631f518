import { describe, expect, it } from 'vitest';
import { Icd10Catalogue, Icd10FileError, ICD10_SEARCH_LIMIT, parseCmsCodeFile, SHIPPED_ICD10 } from './icd10.ts';

describe('the shipped ICD-10 list', () => {
  it('holds well-formed, unique codes', () => {
    const codes = SHIPPED_ICD10.entries.map((entry) => entry.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/);
  });

  it('finds a code whatever its case and dot', () => {
    expect(SHIPPED_ICD10.find('j18.9')?.description).toBe('Pneumonia, unspecified organism');
    expect(SHIPPED_ICD10.find('J189')?.code).toBe('J18.9');
    expect(SHIPPED_ICD10.find('X99.9')).toBeUndefined();
  });

  it('searches codes first, then descriptions', () => {
    expect(SHIPPED_ICD10.search('I1').map((e) => e.code)).toEqual(['I10']);
    expect(SHIPPED_ICD10.search('pneumonia').map((e) => e.code)).toEqual(['J18.9']);
  });
});

// The layout of CMS/NCHS icd10cm-codes-<FY>.txt: the code without its dot, padded, then the description.
const CMS_SAMPLE = [
  'A000    Cholera due to Vibrio cholerae 01, biovar cholerae',
  'I10     Essential (primary) hypertension',
  '',
  'S72001A Fracture of unspecified part of neck of right femur, initial encounter for closed fracture',
  '',
].join('\r\n');

describe('a CMS code file', () => {
  it('reads codes, puts the dot back after the third character and skips blank lines', () => {
    expect(parseCmsCodeFile(CMS_SAMPLE)).toEqual([
      { code: 'A00.0', description: 'Cholera due to Vibrio cholerae 01, biovar cholerae' },
      { code: 'I10', description: 'Essential (primary) hypertension' },
      { code: 'S72.001A', description: 'Fracture of unspecified part of neck of right femur, initial encounter for closed fracture' },
    ]);
  });

  it('makes a catalogue that finds seven-character codes typed without the dot', () => {
    const codes = new Icd10Catalogue(parseCmsCodeFile(CMS_SAMPLE));
    expect(codes.find('s72001a')?.code).toBe('S72.001A');
    expect(codes.search('femur').map((e) => e.code)).toEqual(['S72.001A']);
  });

  it.each([
    ['a line without a description', 'A000    Cholera\nI10', 2],
    ['a lower-case or malformed code', 'a000    Cholera', 1],
    ['a code that is too long', 'A0000000 Something', 1],
    ['a repeated code', 'I10 Essential (primary) hypertension\nI10 Again', 2],
    ['an empty file', '\n\n', 3],
  ])('refuses %s with its line number', (_case, text, line) => {
    expect(() => parseCmsCodeFile(text)).toThrow(Icd10FileError);
    try {
      parseCmsCodeFile(text);
    } catch (error) {
      expect((error as Icd10FileError).line).toBe(line);
    }
  });

  it('answers at most the search limit, code matches first', () => {
    const many = Array.from({ length: 30 }, (_, i) => `R${String(10 + i)}     Finding ${String(i)} of the R10 kind`).join('\n');
    const found = new Icd10Catalogue(parseCmsCodeFile(many)).search('R1');
    expect(found).toHaveLength(ICD10_SEARCH_LIMIT);
    expect(found.slice(0, 10).map((e) => e.code)).toEqual(['R10', 'R11', 'R12', 'R13', 'R14', 'R15', 'R16', 'R17', 'R18', 'R19']);
  });
});
