/**
 * The ICD-10 code list the problem list is coded against: data shipped in the repository
 * (`data/icd10cm-subset.json`, from ICD-10-CM, public domain). Imported, not read from disk, so the
 * production bundle carries it. Lookups forgive case and a missing dot (j189 is J18.9), so a code
 * typed from memory still finds its entry.
 */
import list from '../../data/icd10cm-subset.json' with { type: 'json' };

/** One code of the list. */
export interface Icd10Entry {
  code: string;
  description: string;
}

/** Every code, in list order. */
export const ICD10_CODES: readonly Icd10Entry[] = list.codes.map(([code = '', description = '']) => ({ code, description }));

/** Key without dot and case, for lookups. */
const keyOf = (code: string) => code.replace(/\./g, '').trim().toUpperCase();
const BY_KEY = new Map(ICD10_CODES.map((entry) => [keyOf(entry.code), entry]));

/**
 * The list's entry for a code, or undefined.
 * @param code - as typed (j18.9, J189, J18.9)
 */
export function findIcd10(code: string): Icd10Entry | undefined {
  return BY_KEY.get(keyOf(code));
}

/** Most codes a search answers. */
export const ICD10_SEARCH_LIMIT = 20;

/**
 * Codes whose code starts with, or whose description contains, the text (case-insensitive); code
 * matches first.
 * @param query - two or more characters
 */
export function searchIcd10(query: string): Icd10Entry[] {
  const text = query.trim().toLowerCase();
  const codeKey = keyOf(query);
  const byCode = ICD10_CODES.filter((entry) => keyOf(entry.code).startsWith(codeKey));
  const byWords = ICD10_CODES.filter((entry) => !byCode.includes(entry) && entry.description.toLowerCase().includes(text));
  return [...byCode, ...byWords].slice(0, ICD10_SEARCH_LIMIT);
}
