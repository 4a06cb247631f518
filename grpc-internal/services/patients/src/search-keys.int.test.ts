/**
 * Patient search served from the key indexes: what a search matches is unchanged (case, accents,
 * apostrophes, hyphens, either name, "Family, Given"), results come in two sections (family name
 * matches, then given-name-only matches), cursors walk them exactly once, the count stops at
 * 1,000 unless an exact one is asked for, and a page never sorts or counts every match.
 */
import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { Prisma } from '@hospital/db';
import type { Patient__Output } from '@hospital/grpc-contracts';
import { encodeCursor } from '@hospital/service-kit';
import { expectGrpcError, harnessForFile } from '@hospital/service-kit/testing';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { parseSearch } from './domain/search-query.ts';
import { searchPageSql } from './repositories/patient-search-sql.ts';
import { startPatientsHarness, uniqueName } from './testing/patients-harness.ts';

const h = harnessForFile(() => startPatientsHarness(testDatabaseUrl()));

const search = (text: string, options: { first?: number; after?: string; exactCount?: boolean } = {}) =>
  h.client.searchPatients(
    { search: text, includeArchived: false, exactCount: options.exactCount ?? false, page: { first: options.first ?? 0, after: options.after ?? '' } },
    { metadata: h.as('doctor') },
  );
const names = (patients: Patient__Output[]) => patients.map((p) => `${p.givenName} ${p.familyName}`);

async function walk(text: string, size: number): Promise<string[]> {
  const seen: Patient__Output[] = [];
  let after = '';
  for (let guard = 0; guard < 40; guard++) {
    const page = await search(text, { first: size, after });
    seen.push(...page.patients);
    if (!page.pageInfo?.hasNextPage) return seen.map((p) => p.id);
    after = page.pageInfo.endCursor;
  }
  throw new Error('pagination does not end');
}

describe('SearchPatients from the key indexes', () => {
  it('lists family-name matches first (family, given, MRN), then given-name-only matches (given, family, MRN), each patient once', async () => {
    const stem = uniqueName('Qv').toLowerCase();
    const cap = stem[0]!.toUpperCase() + stem.slice(1);
    const register = (givenName: string, familyName: string) => h.register({ givenName, familyName });
    const a = await register('Zed', `${cap}b`);
    const b = await register('Amy', `${stem}B`); // same family key as a, given decides
    const both = await register(`${cap}x`, `${cap}a`); // matches both ways: family section only
    const c = await register(`${cap}z`, 'Aaron');
    const d = await register(`${cap}c`, 'Young');
    const twin = await register(`${cap}c`, 'Young'); // same names as d: the MRN decides
    const want = [both, b, a, d, twin, c].map((p) => p.id);
    const first = await search(stem, { first: 100 });
    expect(first.patients.map((p) => p.id)).toEqual(want);
    expect(first.pageInfo?.totalCount).toBe(6);
    expect(first.totalCountCapped).toBe(false);
    for (const size of [1, 2, 4]) expect(await walk(stem, size)).toEqual(want);
  });

  it('keeps what matched before: case, accents, apostrophes, hyphens, wildcards, both name orders', async () => {
    const stem = uniqueName('Ob');
    const irish = await h.register({ givenName: 'Siobhán', familyName: `O'${stem}` });
    const hyphen = await h.register({ givenName: 'Élodie', familyName: `${stem}-Jones` });
    expect(names((await search(`o'${stem.toLowerCase()}`)).patients)).toEqual([`Siobhán O'${stem}`]);
    expect((await search(`${stem.toUpperCase()}-J`)).patients.map((p) => p.id)).toEqual([hyphen.id]);
    expect((await search(`${stem}-jones, élo`)).patients.map((p) => p.id)).toEqual([hyphen.id]);
    expect((await search(`ÉLODIE ${stem}`)).patients.map((p) => p.id)).toEqual([hyphen.id]);
    expect((await search(`siobhán o'${stem}`)).patients.map((p) => p.id)).toEqual([irish.id]);
    expect((await search(`${stem}%`)).patients).toEqual([]);
  });

  it('counts up to 1,000 and says so; counts every match when asked', async () => {
    const stem = uniqueName('Many');
    await h.db.patient.createMany({ data: Array.from({ length: 1001 }, (_, i) => ({ givenName: `G${i}`, familyName: `${stem}${i}`, dateOfBirth: new Date('1990-01-01') })) });
    const capped = await search(stem.slice(0, 12));
    expect(capped.pageInfo?.totalCount).toBe(1000);
    expect(capped.totalCountCapped).toBe(true);
    expect(capped.patients).toHaveLength(20);
    const exact = await search(stem.slice(0, 12), { exactCount: true, first: 1 });
    expect(exact.pageInfo?.totalCount).toBe(1001);
    expect(exact.totalCountCapped).toBe(false);
  });

  it('reads one page of a 1,001-match search without sorting the matches', async () => {
    const stem = uniqueName('Many');
    await h.db.patient.createMany({ data: Array.from({ length: 1001 }, (_, i) => ({ givenName: `${stem}${i}`, familyName: `F${i}`, dateOfBirth: new Date('1990-01-01') })) });
    for (const text of [stem, stem.slice(0, 2)]) {
      const plan = await h.db.$transaction(async (tx) => {
        await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
        await tx.$executeRaw`SET LOCAL enable_bitmapscan = off`;
        const sql = searchPageSql({ search: parseSearch(text), includeArchived: false }, 21);
        const rows = await tx.$queryRaw<Array<{ 'QUERY PLAN': unknown }>>(Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`);
        return JSON.stringify(rows[0]!['QUERY PLAN']);
      });
      const rowCounts = [...plan.matchAll(/"Actual Rows":(\d+)/g)].map((match) => Number(match[1]));
      // Before: every match (1,001 here, a quarter of the register for one letter) was sorted.
      expect(Math.max(...rowCounts)).toBeLessThanOrEqual(42);
    }
  });

  it('serves a one-letter search from the index; refuses forged and old-format cursors; caps huge pages', async () => {
    const one = await search('q', { first: 5 });
    expect(one.patients.length).toBeLessThanOrEqual(5);
    expect(one.patients.every((p) => /^q/i.test(p.familyName) || /^q/i.test(p.givenName))).toBe(true);
    await expectGrpcError(search('q', { after: encodeCursor(['Smith', 'Ann', 'MRN-000001', '00000000-0000-4000-8000-000000000000']) }), status.INVALID_ARGUMENT, {
      field: 'after',
    });
    await expectGrpcError(search('q', { after: encodeCursor(['2', 'a', 'b', 'MRN-1', '00000000-0000-4000-8000-000000000000']) }), status.INVALID_ARGUMENT, { field: 'after' });
    await expectGrpcError(search('q', { after: 'not a cursor' }), status.INVALID_ARGUMENT, { field: 'after' });
    expect((await search('', { first: 100_000 })).patients.length).toBeLessThanOrEqual(100);
  });
});
