/**
 * FHIR search parameters as the facade understands them: each resource declares its own (the
 * CapabilityStatement lists the same declarations), anything else is a 400, and the shared ones
 * (`_count`, the paging cursor) and value syntaxes (date prefixes, token `system|code`,
 * references) are parsed here once.
 */
import { badSearch } from './outcome.ts';

/** One declared search parameter. */
export interface SearchParamDefinition {
  name: string;
  type: 'string' | 'token' | 'date' | 'reference';
  documentation: string;
}

/** A parsed search: each parameter's values (repeats kept), the page size and the page cursor. */
export interface ParsedSearch {
  values: ReadonlyMap<string, readonly string[]>;
  count: number;
  cursor?: string;
}

/** Default and largest page size (the GraphQL connections cap at 100). */
export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 100;
/** The parameter carrying the GraphQL cursor of the next page (opaque to clients). */
export const CURSOR_PARAM = '_cursor';
/** Result parameters every search accepts. */
const COMMON = new Set(['_count', CURSOR_PARAM, '_format']);

function valuesOf(raw: unknown, name: string): string[] {
  const list = Array.isArray(raw) ? raw : [raw];
  if (!list.every((value): value is string => typeof value === 'string')) throw badSearch(`Search parameter "${name}" must be text.`);
  return list;
}

/**
 * Parses a search's query string against the resource's declared parameters.
 * @param query - Express's parsed query (repeated keys as arrays)
 * @param declared - the resource's parameters
 */
export function parseSearch(query: Record<string, unknown>, declared: readonly SearchParamDefinition[]): ParsedSearch {
  const names = new Set(declared.map((param) => param.name));
  const values = new Map<string, string[]>();
  for (const [key, raw] of Object.entries(query)) {
    const all = valuesOf(raw, key);
    if (COMMON.has(key)) continue;
    if (key.includes(':')) throw badSearch(`Search modifiers are not supported ("${key}").`);
    if (!names.has(key)) throw badSearch(`Unknown search parameter "${key}"; see the CapabilityStatement at /fhir/R4/metadata.`);
    if (all.some((value) => value.trim() === '')) throw badSearch(`Search parameter "${key}" has an empty value.`);
    values.set(key, all);
  }
  const cursor = single(query, CURSOR_PARAM);
  if (cursor === '') throw badSearch(`"${CURSOR_PARAM}" is empty: send the next link as given, or leave it out for the first page.`);
  return { values, count: countOf(single(query, '_count')), cursor };
}

function single(query: Record<string, unknown>, name: string): string | undefined {
  if (query[name] === undefined) return undefined;
  const all = valuesOf(query[name], name);
  if (all.length !== 1) throw badSearch(`"${name}" may be given once.`);
  return all[0];
}

function countOf(text: string | undefined): number {
  if (text === undefined) return DEFAULT_COUNT;
  if (!/^\d{1,6}$/.test(text) || Number(text) < 1) throw badSearch('"_count" must be a whole number of at least 1.');
  // A server may return fewer than asked: the connections cap their pages at 100.
  return Math.min(Number(text), MAX_COUNT);
}

/**
 * The one value of a parameter (ANDed repeats are not supported), or undefined.
 * @param search - the parsed search
 * @param name - the parameter
 */
export function oneValue(search: ParsedSearch, name: string): string | undefined {
  const all = search.values.get(name);
  if (!all) return undefined;
  if (all.length > 1) throw badSearch(`"${name}" may be given once.`);
  return all[0];
}

/** A token's optional system and its code (`system|code`, `|code` or `code`). */
export function parseToken(value: string): { system?: string; code: string } {
  const bar = value.indexOf('|');
  if (bar < 0) return { code: value };
  const system = value.slice(0, bar);
  return { system: system || undefined, code: value.slice(bar + 1) };
}

/**
 * The id a reference search names: `Type/id`, a bare id, or an absolute URL ending in `Type/id`.
 * @param value - the parameter value
 * @param type - the resource type the parameter points to
 */
export function referencedId(value: string, type: string): string {
  const match = new RegExp(`^(?:.*/)?${type}/([A-Za-z0-9.-]{1,64})$`).exec(value) ?? /^([A-Za-z0-9.-]{1,64})$/.exec(value);
  if (!match?.[1]) throw badSearch(`"${value}" is not a reference to a ${type}.`);
  return match[1];
}

/** Date search prefixes the facade supports. */
const DATE_PREFIXES = ['eq', 'ge', 'gt', 'le', 'lt'] as const;
/** One of {@link DATE_PREFIXES}. */
export type DatePrefix = (typeof DATE_PREFIXES)[number];

/** A date search value: its prefix and the instants [start, end) its precision covers. */
export interface DateSearch {
  prefix: DatePrefix;
  start: Date;
  end: Date;
}

const DATE_VALUE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DATE_TIME_VALUE = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/** Midnight UTC of a day; years below 100 stay as written (Date.UTC would read them as 19xx). */
function utcDay(year: number, month: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

/** Whether year-month-day is a day of the calendar (not rolled over, like 02-30 to 03-02). */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = utcDay(year, month, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Parses a date search value (`ge2026-01-01`, `2026-03`, `lt2026-01-01T10:00:00Z`); a date
 * without time zone is taken in UTC.
 * @param value - the parameter value
 */
export function parseDateSearch(value: string): DateSearch {
  const prefixed = /^[a-z]{2}/.test(value) ? value.slice(0, 2) : undefined;
  if (prefixed !== undefined && !(DATE_PREFIXES as readonly string[]).includes(prefixed)) throw badSearch(`Date prefix "${prefixed}" is not supported (eq, ge, gt, le, lt).`);
  const prefix = (prefixed ?? 'eq') as DatePrefix;
  const text = prefixed === undefined ? value : value.slice(2);
  const date = DATE_VALUE.exec(text);
  if (date) {
    const [y, m, d] = [Number(date[1]), date[2] ? Number(date[2]) : undefined, date[3] ? Number(date[3]) : undefined];
    // A value covers its whole precision: a day, a month or a year.
    if (!isCalendarDay(y, m ?? 1, d ?? 1)) throw badSearch(`"${text}" is not a date.`);
    const start = utcDay(y, m ?? 1, d ?? 1);
    const end = d !== undefined ? utcDay(y, m!, d + 1) : m !== undefined ? utcDay(y, m + 1, 1) : utcDay(y + 1, 1, 1);
    return { prefix, start, end };
  }
  const dateTime = DATE_TIME_VALUE.exec(text);
  // Date.parse rolls an impossible day over (2026-02-30 is read as 03-02): the day is checked first.
  if (dateTime && isCalendarDay(Number(dateTime[1]), Number(dateTime[2]), Number(dateTime[3])) && !Number.isNaN(Date.parse(text))) {
    const instant = new Date(text);
    return { prefix, start: instant, end: new Date(instant.getTime() + 1000) };
  }
  throw badSearch(`"${value}" is not a FHIR date or dateTime search value.`);
}
