import { describe, expect, it } from 'vitest';
import { dedupeAllergies } from './allergies.ts';

describe('dedupeAllergies', () => {
  it('keeps the first spelling of each allergy, in order', () => {
    expect(dedupeAllergies(['Penicillin', 'latex', 'PENICILLIN', 'Latex', 'Nuts'])).toEqual(['Penicillin', 'latex', 'Nuts']);
    expect(dedupeAllergies([])).toEqual([]);
  });
});
