/**
 * The HL7 ORU path writes the same events as a typed result, in the result's transaction: against
 * the run's real PostgreSQL, through the handler with the real repositories (the ward department
 * is a stand-in answering the patient's current ward): OBX-11 F → LAB_RESULT_ENTERED, C →
 * LAB_RESULT_AMENDED naming the corrected result, a refused message → no result and no event.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@hospital/db';
import { createLogger } from '@hospital/service-kit';
import type { CallScope } from '@hospital/service-kit/grpc';
import { testDatabaseUrl } from '../../../../../test/helpers.ts';
import type { ClinicalDeps } from '../clinical-deps.ts';
import type { CareDepartments } from '../departments/care-departments.ts';
import { receiveOruMessageHandler } from '../handlers/hl7.handler.ts';
import { PrismaEncounterRepository } from '../repositories/prisma-clinical-repository.ts';
import { PrismaLabRepository } from '../repositories/prisma-lab-repository.ts';

let db: PrismaClient;
beforeAll(() => {
  db = createPrismaClient(testDatabaseUrl(), { poolSize: 2 });
});
afterAll(async () => {
  await db?.$disconnect();
});

const wardId = randomUUID();
const admin = randomUUID();
const scope = {
  caller: { kind: 'user', userId: admin, role: 'admin', email: 'lab-interface@hospital.test' },
  origin: {},
  requestId: randomUUID(),
  identityToken: '',
  logger: createLogger('hl7-event-test', 'silent'),
} as CallScope;

const oru = (orderId: string, loinc: string, value: string, status: 'F' | 'C') =>
  [
    `MSH|^~\\&|LAB|HOSP|EHR|HOSP|20261208101500||ORU^R01^ORU_R01|MSG${value}|P|2.5.1`,
    'PID|1||12345^^^HOSP^MR||Doe^Jane',
    `OBR|1|${orderId}||${loinc}^Test^LN`,
    `OBX|1|NM|${loinc}^Test^LN||${value}|mmol/L|3.5-5.1|N|||${status}`,
  ].join('\r');

describe('HL7 ORU results and the clinical outbox', () => {
  it('writes LAB_RESULT_ENTERED and LAB_RESULT_AMENDED with the ward, and nothing for a refused message', async () => {
    const patientId = randomUUID();
    const care = { currentWards: async (ids: readonly string[]) => new Map(ids.map((id) => [id.toLowerCase(), wardId])) } as unknown as CareDepartments;
    const deps = { labs: new PrismaLabRepository(db), care } as unknown as ClinicalDeps;
    const encounter = await new PrismaEncounterRepository(db).openOnce({ patientId, kind: 'INPATIENT', appointmentId: null, admissionId: randomUUID(), openedBy: randomUUID() });
    const doctor = randomUUID();
    const [order] = await deps.labs.order({ patientId, encounterId: encounter.id, orderedBy: doctor, loincCodes: ['2823-3'] });

    await expect(receiveOruMessageHandler({ message: oru(order!.id, '2951-2', '140', 'F') }, deps, scope)).rejects.toMatchObject({ field: 'loincCode' });
    expect(await db.clinicalOutboxEvent.count({ where: { patientId } })).toBe(0);

    await receiveOruMessageHandler({ message: oru(order!.id, '2823-3', '6.9', 'F') }, deps, scope);
    await receiveOruMessageHandler({ message: oru(order!.id, '2823-3', '4.4', 'C') }, deps, scope);
    const rows = await db.clinicalOutboxEvent.findMany({ where: { patientId }, orderBy: { sequence: 'asc' } });
    expect(rows.map((row) => row.payload)).toEqual([
      expect.objectContaining({
        type: 'LAB_RESULT_ENTERED',
        actorId: admin,
        encounterId: encounter.id,
        wardId,
        labResult: expect.objectContaining({ orderId: order!.id, orderedById: doctor, value: 6.9, flag: 'CRITICAL_HIGH', amends: null }),
      }),
      expect.objectContaining({
        type: 'LAB_RESULT_AMENDED',
        wardId,
        labResult: expect.objectContaining({ value: 4.4, flag: 'NORMAL', amends: expect.objectContaining({ value: 6.9, flag: 'CRITICAL_HIGH' }) }),
      }),
    ]);
  });
});
