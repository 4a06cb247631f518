/**
 * What a patient search string means. One box serves three needs at a front desk: an MRN read
 * off a wristband, a date of birth, or the start of a name.
 */
import { invalidInput, isCalendarDate } from '@hospital/service-kit';

/** Name prefixes that must all match (case-insensitively) for one way of reading the input. */
export interface NamePrefixes {
  /** Prefix of the given name. */
  given?: string;
  /** Prefix of the family name. */
  family?: string;
}

/** A parsed search. */
export type PatientSearch =
  | { kind: 'all' }
  | { kind: 'mrn'; mrn: string }
  | { kind: 'dateOfBirth'; date: string }
  /** Matches when any one of the readings matches. */
  | { kind: 'name'; readings: NamePrefixes[] };

/** Longest search accepted. */
export const MAX_SEARCH_LENGTH = 200;
/** Up to this many words, every split into given + family name is tried. */
const MAX_SPLIT_WORDS = 4;
/** MRNs are numbered with at least this many digits (MRN-000123). */
const MRN_DIGITS = 6;

/**
 * Parses a search string; throws BAD_USER_INPUT (field "search") for an impossible date.
 * @param raw - the search as typed
 */
export function parseSearch(raw: string): PatientSearch {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text.length > MAX_SEARCH_LENGTH) throw invalidInput(`Search must be at most ${MAX_SEARCH_LENGTH} characters.`, 'search');
  if (text === '') return { kind: 'all' };

  const mrn = /^mrn-(.*)$/i.exec(text);
  if (mrn) {
    const rest = mrn[1]!.toUpperCase();
    // "mrn-123" finds MRN-000123: staff drop the leading zeros.
    return { kind: 'mrn', mrn: `MRN-${/^\d+$/.test(rest) ? rest.padStart(MRN_DIGITS, '0') : rest}` };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    // A date shape is a date of birth, so one the register cannot hold (2023-02-30, or year 0000,
    // which PostgreSQL's date lacks) is the user's mistake to correct, not a name to search for.
    if (!isCalendarDate(text)) throw invalidInput('Not a date the register can hold; use YYYY-MM-DD, years 0001-9999.', 'search');
    return { kind: 'dateOfBirth', date: text };
  }
  return { kind: 'name', readings: nameReadings(text) };
}

function nameReadings(text: string): NamePrefixes[] {
  // "Lovelace, Ada" is the register's way of writing a name: family name first.
  const comma = text.indexOf(',');
  if (comma >= 0) {
    const family = text.slice(0, comma).trim();
    const given = text.slice(comma + 1).trim();
    if (family && given) return [{ family, given }];
    if (family || given) return wholeReadings(family || given);
  }
  const readings = wholeReadings(text);
  const words = text.split(' ');
  if (words.length > 1 && words.length <= MAX_SPLIT_WORDS) {
    for (let i = 1; i < words.length; i++) {
      const head = words.slice(0, i).join(' ');
      const tail = words.slice(i).join(' ');
      readings.push({ given: head, family: tail }, { family: head, given: tail });
    }
  }
  return readings;
}

/** The text as the start of either name ("van der" for "van der Berg"). */
function wholeReadings(text: string): NamePrefixes[] {
  return [{ given: text }, { family: text }];
}

/**
 * Escapes LIKE wildcards so user input only ever matches literally: "50%" must not mean
 * "50 followed by anything". Backslash is PostgreSQL's default LIKE escape character.
 * @param text - user input
 */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}
