/**
 * SQL for patient search, built so that a page costs the same on a million patients as on a
 * hundred: every branch is a range scan of a key index read in index order, stopped by LIMIT.
 *
 * Keys are the normalised names in code-point order (`patients.search_key(name) COLLATE "C"`:
 * accents dropped, case folded in any script), the exact expressions of two indexes (migration
 * 20261207002300_patient_search_any_script, which defines the key):
 *   family key index (family key, given key, mrn, id); given key index (given key, family key, mrn, id).
 * Results come in two sections: first every patient whose family name matches (and every result of
 * an MRN, date-of-birth or empty search), ordered by family key, given key, MRN, id; then patients
 * matched by their given name only, ordered by given key, family key, MRN, id. Each section is one
 * ordered index range, so neither a one-letter prefix nor a rare one sorts or counts the table.
 */
import { Prisma } from '@hospital/db';
import { escapeLike, type NamePrefixes, type PatientSearch } from '../domain/search-query.ts';
import type { PatientFilter, PatientPosition } from './patient-repository.ts';

const FAMILY_KEY = Prisma.sql`(patients.search_key(family_name) COLLATE "C")`;
const GIVEN_KEY = Prisma.sql`(patients.search_key(given_name) COLLATE "C")`;
/** Matches counted at most; past it the count reports "more than COUNT_CAP". */
export const COUNT_CAP = 1000;

/** One index range: a section, its condition and the key order it is read in. */
interface Branch {
  section: 0 | 1;
  condition: Prisma.Sql;
}

function prefix(key: Prisma.Sql, text: string): Prisma.Sql {
  // The pattern goes through the column's own key function, so "angstrom", "ÅNGSTRÖM" and
  // "Ångström" are one key; the function leaves the LIKE escapes and the trailing % as they are.
  return Prisma.sql`${key} LIKE (patients.search_key(${`${escapeLike(text)}%`}::text) COLLATE "C")`;
}

function reading(names: NamePrefixes): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (names.family !== undefined) parts.push(prefix(FAMILY_KEY, names.family));
  if (names.given !== undefined) parts.push(prefix(GIVEN_KEY, names.given));
  return Prisma.join(parts, ' AND ', '(', ')');
}

/** The index ranges a search reads: readings naming a family name in section 0, the given-only one in 1. */
function branches(search: PatientSearch): Branch[] {
  switch (search.kind) {
    case 'all':
      return [{ section: 0, condition: Prisma.sql`TRUE` }];
    case 'mrn':
      return [{ section: 0, condition: Prisma.sql`mrn = ${search.mrn}` }];
    case 'dateOfBirth':
      return [{ section: 0, condition: Prisma.sql`date_of_birth = ${search.date}::date` }];
    case 'name': {
      const family = search.readings.filter((names) => names.family !== undefined).map(reading);
      const given = search.readings.filter((names) => names.family === undefined).map(reading);
      const result: Branch[] = family.map((condition) => ({ section: 0 as const, condition }));
      // A patient matched both ways is listed once, in the family section.
      const notFamily = family.length > 0 ? Prisma.sql` AND NOT ${Prisma.join(family, ' OR ', '(', ')')}` : Prisma.empty;
      for (const condition of given) result.push({ section: 1, condition: Prisma.sql`${condition}${notFamily}` });
      return result;
    }
  }
}

function keysOf(section: 0 | 1): [Prisma.Sql, Prisma.Sql] {
  return section === 0 ? [FAMILY_KEY, GIVEN_KEY] : [GIVEN_KEY, FAMILY_KEY];
}

function branchSql(branch: Branch, filter: PatientFilter, limit: number, after: PatientPosition | undefined): Prisma.Sql | undefined {
  const [first, second] = keysOf(branch.section);
  const conditions = [branch.condition];
  if (!filter.includeArchived) conditions.push(Prisma.sql`archived_at IS NULL`);
  if (after && after.section > branch.section) return undefined;
  if (after && after.section === branch.section) {
    conditions.push(Prisma.sql`(${first}, ${second}, mrn, id) > (${after.first}::text COLLATE "C", ${after.second}::text COLLATE "C", ${after.mrn}::text, ${after.id}::uuid)`);
  }
  return Prisma.sql`(SELECT id, ${branch.section}::int AS section, ${first} AS first_key, ${second} AS second_key, mrn
      FROM patients.patients WHERE ${Prisma.join(conditions, ' AND ')}
     ORDER BY ${first}, ${second}, mrn, id LIMIT ${limit})`;
}

/**
 * One page of a search: ids with their positions (`id`, `section`, `first_key`, `second_key`,
 * `mrn`), in result order.
 * @param filter - parsed search and archive flag
 * @param limit - rows to read
 * @param after - where the page starts, when paging
 */
export function searchPageSql(filter: PatientFilter, limit: number, after?: PatientPosition): Prisma.Sql {
  const parts = branches(filter.search).flatMap((branch) => branchSql(branch, filter, limit, after) ?? []);
  if (parts.length === 0) return Prisma.sql`SELECT NULL::text AS id, 0 AS section, '' AS first_key, '' AS second_key, '' AS mrn WHERE FALSE`;
  return Prisma.sql`SELECT id::text AS id, section, first_key, second_key, mrn FROM (${Prisma.join(parts, ' UNION ')}) AS matches
     ORDER BY section, first_key, second_key, mrn, matches.id LIMIT ${limit}`;
}

/**
 * How many patients match (`total`). Capped (the default): counted up to COUNT_CAP + 1, each
 * branch stopping after that many rows of its index range, so a one-letter search costs a
 * thousand index entries, not a quarter of the register. Exact: every match is read.
 * @param filter - parsed search and archive flag
 * @param mode - capped or exact
 */
export function searchCountSql(filter: PatientFilter, mode: 'capped' | 'exact' = 'capped'): Prisma.Sql {
  if (mode === 'exact') {
    const conditions = [
      Prisma.join(
        branches(filter.search).map((branch) => branch.condition),
        ' OR ',
        '(',
        ')',
      ),
    ];
    if (!filter.includeArchived) conditions.push(Prisma.sql`archived_at IS NULL`);
    return Prisma.sql`SELECT count(*) AS total FROM patients.patients WHERE ${Prisma.join(conditions, ' AND ')}`;
  }
  const all = branches(filter.search);
  const parts = all.map((branch) => branchSql(branch, filter, COUNT_CAP + 1, undefined)!);
  // With one family branch the branches are disjoint (the given one excludes family matches):
  // UNION ALL lets the LIMIT stop after the first branch that fills the cap. Several family
  // readings (multi-word searches) may overlap, and UNION removes the duplicates.
  const disjoint = all.filter((branch) => branch.section === 0).length <= 1;
  return Prisma.sql`SELECT count(*) AS total FROM (SELECT id FROM (${Prisma.join(parts, disjoint ? ' UNION ALL ' : ' UNION ')}) AS matches LIMIT ${COUNT_CAP + 1}) AS capped`;
}
