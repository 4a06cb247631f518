/**
 * SQL for patient search. Name prefixes use `lower(col) LIKE lower($1)`, the exact expression
 * of the text_pattern_ops indexes, so PostgreSQL can answer them with an index range scan.
 */
import { Prisma } from '@hospital/db';
import { escapeLike, type NamePrefixes, type PatientSearch } from '../domain/search-query.ts';
import type { PatientFilter, PatientPosition } from './patient-repository.ts';

function prefix(column: 'given_name' | 'family_name', text: string): Prisma.Sql {
  const pattern = `${escapeLike(text)}%`;
  return column === 'given_name' ? Prisma.sql`lower(given_name) LIKE lower(${pattern})` : Prisma.sql`lower(family_name) LIKE lower(${pattern})`;
}

function reading(names: NamePrefixes): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (names.given !== undefined) parts.push(prefix('given_name', names.given));
  if (names.family !== undefined) parts.push(prefix('family_name', names.family));
  return Prisma.join(parts, ' AND ', '(', ')');
}

function searchCondition(search: PatientSearch): Prisma.Sql {
  switch (search.kind) {
    case 'all':
      return Prisma.sql`TRUE`;
    case 'mrn':
      return Prisma.sql`mrn = ${search.mrn}`;
    case 'dateOfBirth':
      return Prisma.sql`date_of_birth = ${search.date}::date`;
    case 'name':
      return Prisma.join(search.readings.map(reading), ' OR ', '(', ')');
  }
}

/**
 * The WHERE clause of a search (without paging).
 * @param filter - parsed search and archive flag
 * @param after - where the page starts, when paging
 */
export function whereClause(filter: PatientFilter, after?: PatientPosition): Prisma.Sql {
  const conditions = [searchCondition(filter.search)];
  if (!filter.includeArchived) conditions.push(Prisma.sql`archived_at IS NULL`);
  if (after) {
    // Row comparison: strictly after the previous page's last row in the ORDER BY below.
    conditions.push(
      Prisma.sql`(family_name, given_name, mrn, id) > (${after.familyName}, ${after.givenName}, ${after.mrn}, ${after.id}::uuid)`,
    );
  }
  return Prisma.join(conditions, ' AND ');
}

/** The order of search results; cursors hold these columns. */
export const SEARCH_ORDER = Prisma.sql`family_name, given_name, mrn, id`;
