/**
 * PatientConnection counts over HTTP: `matchCount` stops at 1,000 and says so; `totalCount` keeps
 * its meaning (every match) and costs one more, counting call only when the cap was reached.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@hospital/db';
import { createPatientsClient } from '@hospital/grpc-contracts';
import { startPatientsService } from '@hospital/patients-service';
import { countCalls, subgraphTestBed, userCaller } from '@hospital/subgraph-kit/testing';
import { testDatabaseUrl } from '../../../test/helpers.ts';
import { startPatientsSubgraph } from './index.ts';
import { TEST_CALL_DEADLINE_MS } from '@hospital/service-kit/testing';

const bed = subgraphTestBed('patients-count-test');
const { host: HOST, internalSecret, logger, gql } = bed;
const doctor = userCaller('doctor');
let counter: ReturnType<typeof countCalls<ReturnType<typeof createPatientsClient>>>;
/** A family-name stem shared by 1,001 patients of this file only. */
const stem = `Cnt${randomUUID()
  .replace(/[^a-z]/g, '')
  .slice(0, 8)}`;

beforeAll(async () => {
  const service = bed.closeAfter(await startPatientsService({ port: 0, host: HOST, databaseUrl: testDatabaseUrl(), internalSecret }, { logger }));
  const client = bed.closeAfter(createPatientsClient({ target: `${HOST}:${service.port}`, deadlineMs: TEST_CALL_DEADLINE_MS }));
  counter = countCalls(client);
  bed.serve(await startPatientsSubgraph({ port: 0, host: HOST, patientsTarget: `${HOST}:${service.port}`, internalSecret, production: true }, { logger, client: counter.client }));
  const db = createPrismaClient(testDatabaseUrl(), { poolSize: 1 });
  await db.patient.createMany({
    data: Array.from({ length: 1001 }, (_, i) => ({ givenName: 'Bulk', familyName: `${stem}${i % 3 === 0 ? 'a' : 'b'}${i}`, dateOfBirth: new Date('1970-01-01') })),
  });
  await db.$disconnect();
});
afterAll(() => bed.close());

type Counts = { patients: { totalCount?: number; matchCount?: { count: number; capped: boolean }; edges: unknown[] } };
const search = (text: string, fields: string) => gql<Counts>(doctor, `query($s: String) { patients(search: $s, first: 5) { ${fields} edges { node { id } } } }`, { s: text });

describe('PatientConnection counts', () => {
  it('matchCount stops at 1,000 and says so, in one service call', async () => {
    counter.reset();
    const result = await search(stem, 'matchCount { count capped }');
    expect(result.data?.patients.matchCount).toEqual({ count: 1000, capped: true });
    expect(counter.calls.get('searchPatients')).toBe(1);
  });

  it('totalCount still counts every match: one more call past the cap, none below it', async () => {
    counter.reset();
    const capped = await search(stem, 'totalCount matchCount { count capped }');
    expect(capped.data?.patients).toMatchObject({ totalCount: 1001, matchCount: { count: 1000, capped: true } });
    expect(counter.calls.get('searchPatients')).toBe(2);
    counter.reset();
    const small = await search(`${stem}a`, 'totalCount matchCount { count capped }');
    expect(small.data?.patients).toMatchObject({ totalCount: 334, matchCount: { count: 334, capped: false } });
    expect(counter.calls.get('searchPatients')).toBe(1);
  });
});
