/** Allergy lists: what counts as the same allergy. */

/**
 * Removes repeats case-insensitively, keeping the first spelling and the order given
 * ("Penicillin, penicillin" is one allergy).
 * @param allergies - trimmed allergy names
 */
export function dedupeAllergies(allergies: readonly string[]): string[] {
  const seen = new Set<string>();
  return allergies.filter((allergy) => {
    const key = allergy.toLocaleLowerCase('und');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
