/** SearchPatients through the real service: readings of the search box, paging, archive filter. */
import { status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import type { Patient__Output } from '@hospital/grpc-contracts';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { expectGrpcError, harnessForFile } from '@hospital/service-kit/testing';
import { startPatientsHarness, uniqueName } from './testing/patients-harness.ts';

const harness = harnessForFile(() => startPatientsHarness(testDatabaseUrl()));

const search = (text: string, options: { first?: number; after?: string; includeArchived?: boolean } = {}) =>
  harness.client.searchPatients(
    { search: text, includeArchived: options.includeArchived ?? false, page: { first: options.first ?? 0, after: options.after ?? '' } },
    { metadata: harness.as('pharmacist') },
  );
const ids = (patients: Patient__Output[]) => patients.map((p) => p.id);

describe('SearchPatients', () => {
  it('matches name prefixes case-insensitively, on either name or both', async () => {
    const given = uniqueName('Ada');
    const family = uniqueName('Lov');
    const ada = await harness.register({ givenName: given, familyName: family });
    const other = await harness.register({ givenName: uniqueName('Bob'), familyName: family });
    expect(ids((await search(given.toLowerCase().slice(0, 8))).patients)).toEqual([ada.id]);
    expect(ids((await search(family.toUpperCase())).patients).sort()).toEqual([ada.id, other.id].sort());
    expect(ids((await search(`${given.slice(0, 6)} ${family.slice(0, 6)}`)).patients)).toContain(ada.id);
    expect(ids((await search(`${family}, ${given.slice(0, 5)}`)).patients)).toEqual([ada.id]);
  });

  it('finds an exact MRN whatever its case, and dates of birth', async () => {
    const patient = await harness.register({ dateOfBirth: '1977-07-07' });
    expect(ids((await search(patient.mrn.toLowerCase())).patients)).toEqual([patient.id]);
    const digits = patient.mrn.slice('MRN-'.length).replace(/^0+/, '');
    expect(ids((await search(`mrn-${digits}`)).patients)).toEqual([patient.id]);
    const byDate = await search('1977-07-07', { first: 100 });
    expect(ids(byDate.patients)).toContain(patient.id);
    expect(byDate.patients.every((p) => p.dateOfBirth === '1977-07-07')).toBe(true);
    await expectGrpcError(search('1977-02-30'), status.INVALID_ARGUMENT, { field: 'search' });
  });

  // PostgreSQL's date has no year 0: such a search reached the query and failed as INTERNAL.
  it.each(['0000-01-01', '0000-02-29'])('refuses %s (no year 0 in the register) as INVALID_ARGUMENT on search', async (text) => {
    await expectGrpcError(search(text), status.INVALID_ARGUMENT, { field: 'search' });
  });

  it('searches the years at the ends of the rule without failing', async () => {
    expect((await search('0001-01-01')).patients).toEqual([]);
    expect((await search('9999-12-31')).patients).toEqual([]);
  });

  it('treats LIKE wildcards in the search as plain characters', async () => {
    const stem = uniqueName('Wild');
    const underscore = await harness.register({ familyName: `${stem}_x` });
    const letter = await harness.register({ familyName: `${stem}ax` });
    const backslash = await harness.register({ familyName: `${stem}\\y` });
    expect(ids((await search(`${stem}_`)).patients)).toEqual([underscore.id]);
    expect((await search(`${stem}%`)).patients).toEqual([]);
    expect(ids((await search(`${stem}\\`)).patients)).toEqual([backslash.id]);
    expect(ids((await search(`${stem}a`)).patients)).toEqual([letter.id]);
    // An unescaped '%' would match every record.
    const [percent, everything] = await Promise.all([search('%'), search('')]);
    expect(percent.pageInfo!.totalCount).toBeLessThan(everything.pageInfo!.totalCount);
    expect(ids(percent.patients)).not.toContain(underscore.id);
  });

  it('pages in (family, given, MRN) order with cursors and a total count', async () => {
    const family = uniqueName('Page');
    const givens = ['Eve', 'Ann', 'Dan', 'Bea', 'Cid'];
    for (const givenName of givens) await harness.register({ givenName, familyName: family });
    const twin = await harness.register({ givenName: 'Ann', familyName: family });
    const seen: Patient__Output[] = [];
    let after = '';
    for (let page = 0; page < 10; page++) {
      const result = await search(family, { first: 2, after });
      expect(result.pageInfo?.totalCount).toBe(6);
      expect(result.cursors).toHaveLength(result.patients.length);
      seen.push(...result.patients);
      if (!result.pageInfo?.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(seen.map((p) => p.givenName)).toEqual(['Ann', 'Ann', 'Bea', 'Cid', 'Dan', 'Eve']);
    // Same names: the MRN decides, and the later registration has the larger one.
    expect(seen[1]?.id).toBe(twin.id);
  });

  it('hides archived records unless asked', async () => {
    const family = uniqueName('Arch');
    const kept = await harness.register({ familyName: family });
    const archived = await harness.register({ familyName: family });
    await harness.client.archivePatient({ id: archived.id }, { metadata: harness.as('admin') });
    expect(ids((await search(family)).patients)).toEqual([kept.id]);
    expect(ids((await search(family, { includeArchived: true })).patients).sort()).toEqual([kept.id, archived.id].sort());
  });

  it('lists everything for an empty search, capping the page size', async () => {
    await harness.register();
    const all = await search('', { first: 1000 });
    expect(all.patients.length).toBeGreaterThan(0);
    expect(all.patients.length).toBeLessThanOrEqual(100);
    expect((await search('')).patients.length).toBeLessThanOrEqual(20);
  });

  it('validates the page', async () => {
    await expectGrpcError(search('', { first: -1 }), status.INVALID_ARGUMENT, { field: 'first' });
    await expectGrpcError(search('', { after: 'bogus' }), status.INVALID_ARGUMENT, { field: 'after' });
  });

  // A cursor is the client's input: forged values PostgreSQL would refuse (NUL: SQLSTATE 22021)
  // or that no page ever hands out are INVALID_ARGUMENT on `after`, never a masked INTERNAL.
  const forge = (values: unknown[]) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
  const id = '00000000-0000-4000-8000-000000000000';
  it.each([
    ['a NUL in the name key', ['0', 'a\u0000b', 'c', 'MRN-1', id]],
    ['a NUL in the second key', ['1', 'a', '\u0000', 'MRN-1', id]],
    ['a NUL in the MRN', ['0', 'a', 'b', 'MRN\u0000', id]],
    ['another control character', ['0', 'a\u001b[2J', 'b', 'MRN-1', id]],
    ['an overlong key', ['0', 'x'.repeat(10_000), 'b', 'MRN-1', id]],
  ])('refuses a forged cursor with %s as INVALID_ARGUMENT on after', async (_name, values) => {
    await expectGrpcError(search('', { after: forge(values) }), status.INVALID_ARGUMENT, { field: 'after' });
  });
});
