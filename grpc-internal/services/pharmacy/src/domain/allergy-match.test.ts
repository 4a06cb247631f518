import { describe, expect, it } from 'vitest';
import { describeAllergyMatches, findAllergyMatches, words } from './allergy-match.ts';

const amoxicillin = { name: 'Amoxicillin', code: 'J01CA04' };
const ibuprofen = { name: 'Ibuprofen', code: 'M01AE01' };
const paracetamol = { name: 'Paracetamol', code: 'N02BE01' };

describe('words', () => {
  it('folds case, accents and plurals, and keeps hyphenated names joined too', () => {
    expect(words('Penicillins')).toEqual(['penicillin']);
    expect(words('Co-Trimoxazole 480 mg')).toEqual(['co', 'trimoxazole', '480', 'mg', 'cotrimoxazole']);
    expect(words('Céfalexine')).toEqual(['cefalexine']);
  });
});

describe('findAllergyMatches', () => {
  it('matches the drug name case-insensitively, ignoring filler words', () => {
    expect(findAllergyMatches(['AMOXICILLIN'], amoxicillin)).toEqual([{ allergy: 'AMOXICILLIN', via: 'name' }]);
    expect(findAllergyMatches(['Allergy to ibuprofen (severe)'], ibuprofen)).toEqual([{ allergy: 'Allergy to ibuprofen (severe)', via: 'name' }]);
  });

  it('matches the drug code', () => {
    expect(findAllergyMatches(['n02be01'], paracetamol)).toEqual([{ allergy: 'n02be01', via: 'code' }]);
  });

  it('matches a class named by the allergy, by member name or by ATC prefix', () => {
    expect(findAllergyMatches(['penicillin'], amoxicillin)).toEqual([{ allergy: 'penicillin', via: 'class', drugClass: 'penicillins' }]);
    expect(findAllergyMatches(['Penicillins'], { name: 'Local antibiotic X', code: 'J01CR02' })).toHaveLength(1);
    expect(findAllergyMatches(['sulfonamides'], { name: 'Co-trimoxazole', code: 'LOCAL-1' })).toMatchObject([{ via: 'class', drugClass: 'sulfonamides' }]);
    expect(findAllergyMatches(['cephalosporins'], { name: 'Cefalexin', code: 'J01DB01' })).toHaveLength(1);
  });

  it('treats an allergy to one member as a warning for its class', () => {
    expect(findAllergyMatches(['ibuprofen'], { name: 'Naproxen', code: 'M01AE02' })).toMatchObject([{ via: 'class', drugClass: 'NSAIDs' }]);
    expect(findAllergyMatches(['codeine'], { name: 'Morphine sulfate', code: 'N02AA01' })).toMatchObject([{ via: 'class', drugClass: 'opioids' }]);
  });

  it('finds a long allergy word inside a compound drug name', () => {
    expect(findAllergyMatches(['penicillin'], { name: 'Benzylpenicillin', code: 'J01CE01' })).toEqual([{ allergy: 'penicillin', via: 'name' }]);
  });

  it('does not match unrelated allergies or word fragments', () => {
    expect(findAllergyMatches(['latex', 'peanuts', 'eggs', 'bee stings'], amoxicillin)).toEqual([]);
    expect(findAllergyMatches(['nuts'], { name: 'Nutrizym', code: 'A09AA02' })).toEqual([]);
    expect(findAllergyMatches(['iodinated contrast'], { name: 'Contrast gel', code: 'V08' })).toEqual([]);
    expect(findAllergyMatches(['penicillin'], paracetamol)).toEqual([]);
    expect(findAllergyMatches(['', 'allergy'], paracetamol)).toEqual([]);
  });

  it('lists every matching allergy in recorded order', () => {
    expect(findAllergyMatches(['Amoxicillin', 'latex', 'penicillin'], amoxicillin).map((m) => m.allergy)).toEqual(['Amoxicillin', 'penicillin']);
  });
});

describe('describeAllergyMatches', () => {
  it('names each allergy and how to override', () => {
    const message = describeAllergyMatches(findAllergyMatches(['penicillin'], amoxicillin), 'Amoxicillin');
    expect(message).toBe(
      'Allergy alert: the patient is recorded as allergic to penicillin (Amoxicillin is one of the penicillins). To prescribe Amoxicillin anyway, give a reason to override the alert.',
    );
  });
});
