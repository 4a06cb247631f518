import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadIcd10Catalogue } from './clinical-service.ts';
import { SHIPPED_ICD10 } from './domain/icd10.ts';

describe('the ICD-10 list a clinical service starts with', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'icd10-'));

  it('is the shipped subset without ICD10_CODES_FILE', () => {
    expect(loadIcd10Catalogue(undefined)).toBe(SHIPPED_ICD10);
  });

  it('is the file when one is named', () => {
    const file = path.join(dir, 'icd10cm-codes-2026.txt');
    writeFileSync(file, 'I10     Essential (primary) hypertension\nR509    Fever, unspecified\n');
    const codes = loadIcd10Catalogue(file);
    expect(codes.entries.map((e) => e.code)).toEqual(['I10', 'R50.9']);
    expect(codes.find('J18.9')).toBeUndefined();
  });

  it('stops the start on a missing or malformed file, saying which and where', () => {
    expect(() => loadIcd10Catalogue(path.join(dir, 'absent.txt'))).toThrow(/ICD10_CODES_FILE: cannot read .*absent\.txt \(ENOENT\)/);
    const bad = path.join(dir, 'truncated.txt');
    writeFileSync(bad, 'I10     Essential (primary) hypertension\nR50');
    expect(() => loadIcd10Catalogue(bad)).toThrow(/line 2/);
  });
});
