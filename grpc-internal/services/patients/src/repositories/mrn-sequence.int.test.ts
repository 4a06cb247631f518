/**
 * MRNs past 999,999: the database numbers patient 1,000,000 MRN-1000000 (the old default cut it
 * to MRN-100000, a duplicate, so the register stopped at a million), and search finds it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@hospital/db';
import { createTestDatabase, type TestDatabase } from '@hospital/db/testing';
import { testServerUrl } from '../../../../../test/helpers.ts';
import { parseSearch } from '../domain/search-query.ts';
import { PrismaPatientRepository } from './prisma-patient-repository.ts';

let database: TestDatabase;
let db: PrismaClient;
beforeAll(async () => {
  // A database of its own: the sequence is moved, which other files' MRNs must not see.
  database = await createTestDatabase({ serverUrl: testServerUrl() });
  db = createPrismaClient(database.ownerUrl, { poolSize: 2 });
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe('MRN numbering', () => {
  it('pads to six digits and never cuts a seventh', async () => {
    const repo = new PrismaPatientRepository(db);
    const author = { by: 'service:test', role: null };
    const details = { givenName: 'Milli', familyName: 'Onth', dateOfBirth: '1990-01-01', sex: 'unknown' as const, phone: null, email: null, address: null, allergies: [] };
    await db.$executeRaw`SELECT setval('patients.mrn_seq', 99999)`;
    const hundredThousand = await repo.register(details, author);
    await db.$executeRaw`SELECT setval('patients.mrn_seq', 999998)`;
    const last = await repo.register(details, author);
    const millionth = await repo.register(details, author);
    expect([hundredThousand.mrn, last.mrn, millionth.mrn]).toEqual(['MRN-100000', 'MRN-999999', 'MRN-1000000']);
    const found = await repo.search({ search: parseSearch('mrn-1000000'), includeArchived: false, limit: 5 });
    expect(found.map((hit) => hit.patient.id)).toEqual([millionth.id]);
  });
});
