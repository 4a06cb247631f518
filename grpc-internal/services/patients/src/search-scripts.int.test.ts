/**
 * Names in any script (issue 14): patient search finds Latin names with accents and special
 * letters, Greek, Cyrillic and Arabic names, by prefix, in any case, with or without accents,
 * through the database's normalised key (patients.search_key), and reads the key index at
 * 100,000 patients. Before: lower() under the embedded server's C locale folded ASCII only, and
 * accents had to be typed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harnessForFile } from '@hospital/service-kit/testing';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@hospital/db/testing';
import type { Patient__Output } from '@hospital/grpc-contracts';
import { loadScaleData } from '../../../../bench/lib/scale-data.ts';
import { testDatabaseUrl, testServerUrl } from '../../../../test/helpers.ts';
import { parseSearch } from './domain/search-query.ts';
import { searchPageSql } from './repositories/patient-search-sql.ts';
import { startPatientsHarness, uniqueName } from './testing/patients-harness.ts';

const h = harnessForFile(() => startPatientsHarness(testDatabaseUrl()));

const search = async (text: string): Promise<Patient__Output[]> =>
  (await h.client.searchPatients({ search: text, includeArchived: false, exactCount: false, page: { first: 100, after: '' } }, { metadata: h.as('ward_staff') })).patients;

/** Real names, each with searches a receptionist might type for it. */
const NAMES: Array<{ given: string; family: string; typed: string[] }> = [
  { given: 'Anders', family: 'Ångström', typed: ['angstrom', 'ÅNGSTR', 'ångs', 'Angstrom, And', 'anders ang'] },
  { given: 'Łukasz', family: 'Wiśniewski', typed: ['łukasz', 'lukasz', 'ŁUK', 'wisniewski', 'WIŚ', 'lukasz wisn'] },
  { given: 'Iñaki', family: 'Núñez', typed: ['nunez', 'ÑÚÑ', 'núñez', 'NUNEZ, inaki', 'iñ'] },
  { given: 'Zoë', family: 'Brontë', typed: ['zoe', 'ZOË', 'bronte', 'zoë bron'] },
  { given: 'Σωκράτης', family: 'Παπαδόπουλος', typed: ['σωκρατης', 'ΣΩΚΡΑΤΗΣ', 'σωκρ', 'παπαδοπ', 'ΠΑΠΑΔΌΠΟΥΛΟΣ', 'σωκράτης παπ'] },
  { given: 'Алёна', family: 'Щербакова', typed: ['алена', 'АЛЁНА', 'алё', 'щерб', 'ЩЕРБАКОВА, ал'] },
  { given: 'Йордан', family: 'Йовчев', typed: ['йордан', 'ЙОВ', 'йовчев й'] },
  { given: 'مُحَمَّد', family: 'أحمد', typed: ['محمد', 'مُحَمَّد', 'احمد', 'أحم'] },
  { given: 'Søren', family: 'Kierkegaard', typed: ['soren', 'SØR', 'kierk'] },
  { given: 'Đorđe', family: 'Đorđević', typed: ['dorde', 'đorđev', 'DORDEVIC'] },
];

describe('patient search in any script', () => {
  it('finds each name by prefix, in any case, with or without its accents', async () => {
    const registered = new Map<string, string>();
    for (const name of NAMES) {
      const patient = await h.register({ givenName: name.given, familyName: name.family, dateOfBirth: '1961-03-04' });
      registered.set(patient.id, `${name.given} ${name.family}`);
      for (const text of name.typed) {
        const found = (await search(text)).map((p) => p.id);
        expect(found, `"${text}" finds ${name.given} ${name.family}`).toContain(patient.id);
      }
    }
    // Not a match anywhere: a prefix is a prefix after normalising, not a substring.
    expect((await search('ngstrom')).map((p) => registered.get(p.id))).not.toContain('Anders Ångström');
  });

  it('keeps the letters a language tells apart: й is not и, and a decomposed й is a й', async () => {
    const family = `Й${uniqueName('ov').toLowerCase()}`;
    const composed = await h.register({ givenName: 'Иван', familyName: family });
    const decomposed = await h.register({ givenName: 'Иван', familyName: family.normalize('NFD') });
    const byComposed = (await search(family.toLowerCase())).map((p) => p.id);
    expect(byComposed).toEqual(expect.arrayContaining([composed.id, decomposed.id]));
    expect((await search(`И${family.slice(1)}`)).map((p) => p.id)).not.toContain(composed.id);
  });
});

describe('patient search at 100,000 patients', () => {
  let database: TestDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    database = await createTestDatabase({ serverUrl: testServerUrl() });
    await loadScaleData(database.ownerUrl, { patients: 100_000, appointments: 0, doctors: 1, passwordHash: 'x' });
    client = new pg.Client({ connectionString: database.ownerUrl });
    await client.connect();
    await client.query(
      `INSERT INTO patients.patients (id, given_name, family_name, date_of_birth, updated_at)
       SELECT gen_random_uuid(), g, f, date '1970-01-01', now() FROM unnest($1::text[], $2::text[]) AS n(g, f)`,
      [NAMES.map((n) => n.given), NAMES.map((n) => n.family)],
    );
    await client.query('ANALYZE patients.patients');
  }, 180_000);
  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it.each(['angstrom', 'ΣΩΚΡ', 'щерб', 'محمد', 'a'])('serves "%s" from a key index, reading only one page of it', async (text) => {
    const page = searchPageSql({ search: parseSearch(text), includeArchived: false }, 21);
    const { rows } = await client.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${page.text}`, page.values);
    const plan = JSON.stringify(rows[0]!['QUERY PLAN']);
    expect(plan).toMatch(/"Index Name":"patients_(family|given)_key_idx"/);
    expect(plan).not.toContain('"Node Type":"Seq Scan"');
    // Each branch stops after one page of its index range; only those rows are merged and sorted.
    const rowCounts = [...plan.matchAll(/"Actual Rows":(\d+)/g)].map((match) => Number(match[1]));
    expect(Math.max(...rowCounts)).toBeLessThanOrEqual(42);
    const found = await client.query<{ id: string }>(page.text, page.values);
    if (text !== 'a') expect(found.rows.length).toBeGreaterThan(0);
  });
});
