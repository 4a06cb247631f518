/**
 * The ICD-10 code list the problem list is coded against. Two sources, one catalogue:
 * - shipped: `data/icd10cm-subset.json`, a hand-checked subset of ICD-10-CM (public domain), imported
 *   rather than read from disk so the production bundle carries it; enough to run and demonstrate;
 * - the full list a hospital downloads each fiscal year from CMS/NCHS (`icd10cm-codes-<FY>.txt`, one
 *   code a line, dot left out, then its description), read once at start-up (ICD10_CODES_FILE).
 * Lookups forgive case and a missing dot (j189 is J18.9), so a code typed from memory still finds
 * its entry.
 */
import list from '../../data/icd10cm-subset.json' with { type: 'json' };

/** One code of the list. */
export interface Icd10Entry {
  code: string;
  description: string;
}

/** Most codes a search answers. */
export const ICD10_SEARCH_LIMIT = 20;

/** Key without dot and case, for lookups. */
const keyOf = (code: string) => code.replace(/\./g, '').trim().toUpperCase();

/** A code list, looked up by code and searched by code prefix or words. */
export class Icd10Catalogue {
  private readonly byKey: Map<string, Icd10Entry>;

  /** @param entries - the codes, in list order (unique; the first of a repeated code wins) */
  constructor(readonly entries: readonly Icd10Entry[]) {
    this.byKey = new Map();
    for (const entry of entries) if (!this.byKey.has(keyOf(entry.code))) this.byKey.set(keyOf(entry.code), entry);
  }

  /**
   * The list's entry for a code, or undefined.
   * @param code - as typed (j18.9, J189, J18.9)
   */
  find(code: string): Icd10Entry | undefined {
    return this.byKey.get(keyOf(code));
  }

  /**
   * Codes whose code starts with, or whose description contains, the text (case-insensitive); code
   * matches first, at most {@link ICD10_SEARCH_LIMIT}.
   * @param query - two or more characters
   */
  search(query: string): Icd10Entry[] {
    const text = query.trim().toLowerCase();
    const codeKey = keyOf(query);
    const found: Icd10Entry[] = [];
    for (const entry of this.entries) {
      if (found.length === ICD10_SEARCH_LIMIT) return found;
      if (keyOf(entry.code).startsWith(codeKey)) found.push(entry);
    }
    for (const entry of this.entries) {
      if (found.length === ICD10_SEARCH_LIMIT) break;
      if (!keyOf(entry.code).startsWith(codeKey) && entry.description.toLowerCase().includes(text)) found.push(entry);
    }
    return found;
  }
}

/** The shipped subset, in list order. */
export const SHIPPED_ICD10 = new Icd10Catalogue(list.codes.map(([code = '', description = '']) => ({ code, description })));

/** A line of a CMS code file that is not a code and its description. */
export class Icd10FileError extends Error {
  /**
   * @param line - 1-based line number
   * @param reason - what is wrong with it (never the line itself beyond the code)
   */
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`ICD-10 code file, line ${line}: ${reason}`);
    this.name = 'Icd10FileError';
  }
}

// A code without its dot: letter, digit, digit-or-letter, then up to four more characters.
const CMS_LINE = /^([A-Z][0-9][0-9A-Z][0-9A-Z]{0,4})\s+(\S.*)$/;

/**
 * Reads the text of a CMS/NCHS `icd10cm-codes-<FY>.txt` file (billable codes: `A000    Cholera due
 * to …`); blank lines are skipped, the dot goes back after the third character. A malformed line,
 * a repeated code or an empty file is refused with the line number, so a truncated or wrong
 * download stops the service at start-up instead of refusing diagnoses later.
 * @param text - the file's content (UTF-8)
 */
export function parseCmsCodeFile(text: string): Icd10Entry[] {
  const entries: Icd10Entry[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trimEnd();
    if (line === '') continue;
    const match = CMS_LINE.exec(line);
    if (!match?.[1] || !match[2]) throw new Icd10FileError(index + 1, 'expected a code (A000) and its description');
    const key = match[1];
    if (seen.has(key)) throw new Icd10FileError(index + 1, `code ${key} appears twice`);
    seen.add(key);
    const code = key.length > 3 ? `${key.slice(0, 3)}.${key.slice(3)}` : key;
    entries.push({ code, description: match[2].trim() });
  }
  if (entries.length === 0) throw new Icd10FileError(lines.length, 'the file holds no codes');
  return entries;
}
