/**
 * The clinical outbox against the run's real PostgreSQL database: a vital-signs set and a lab
 * result write their event in their own transaction (the row's payload is the contract's); a
 * write that rolls back leaves neither the change nor an event. Racing entries of one result are
 * in prisma-lab-repository.int.test.ts (one result, one event).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@hospital/db';
import { parseClinicalEvent } from '@hospital/grpc-contracts';
import { testDatabaseUrl } from '../../../../../test/helpers.ts';
import { findLabTest } from '../domain/lab-catalogue.ts';
import { PrismaEncounterRepository, PrismaVitalsRepository } from '../repositories/prisma-clinical-repository.ts';
import { PrismaLabRepository } from '../repositories/prisma-lab-repository.ts';
import { sampleVitals } from '../testing/sample-vitals.ts';
import { labResultEvent, vitalsEvent } from './clinical-events.ts';

let db: PrismaClient;
beforeAll(() => {
  db = createPrismaClient(testDatabaseUrl(), { poolSize: 4 });
});
afterAll(async () => {
  await db?.$disconnect();
});

const context = { actorId: null, encounterId: null, wardId: null };
const outboxOf = (patientId: string) => db.clinicalOutboxEvent.findMany({ where: { patientId }, orderBy: { sequence: 'asc' } });

describe('the clinical outbox', () => {
  it("writes a set's event in the set's transaction: the row is the contract's payload", async () => {
    const vitals = new PrismaVitalsRepository(db);
    const patientId = randomUUID();
    const calm = await vitals.record(sampleVitals(patientId), (set) => vitalsEvent(set, context));
    const urgent = await vitals.record(sampleVitals(patientId, { spo2Percent: 88 }), (set) => vitalsEvent(set, context));
    const rows = await outboxOf(patientId);
    expect(rows.map((row) => [row.type, (row.payload as { vitals: { vitalSignsId: string } }).vitals.vitalSignsId])).toEqual([
      ['VITALS_RECORDED', calm.id],
      ['VITALS_ABNORMAL', urgent.id],
    ]);
    for (const row of rows) {
      const read = parseClinicalEvent({ id: row.id, type: row.type, patientId: row.patientId, sequence: String(row.sequence), payloadJson: JSON.stringify(row.payload) });
      expect(read.ok, JSON.stringify(read)).toBe(true);
      expect(row.publishedAt).toBeNull();
      expect(row.occurredAt.toISOString()).toBe((row.payload as { occurredAt: string }).occurredAt);
    }
  });

  it('leaves neither the set nor an event when the transaction rolls back', async () => {
    const vitals = new PrismaVitalsRepository(db);
    const patientId = randomUUID();
    const failing = () => {
      throw new Error('event refused');
    };
    await expect(vitals.record(sampleVitals(patientId), failing)).rejects.toThrow('event refused');
    // A payload the outbox's CHECK refuses rolls the set back too.
    await expect(vitals.record(sampleVitals(patientId), (set) => ({ ...vitalsEvent(set, context), type: 'VITALS_EXPLODED' as 'VITALS_RECORDED' }))).rejects.toThrow();
    expect(await db.vitalSigns.count({ where: { patientId } })).toBe(0);
    expect(await outboxOf(patientId)).toEqual([]);
  });

  it('leaves neither the result nor an event when a lab result transaction rolls back', async () => {
    const encounter = await new PrismaEncounterRepository(db).openOnce({
      patientId: randomUUID(),
      kind: 'OUTPATIENT',
      appointmentId: randomUUID(),
      admissionId: null,
      openedBy: randomUUID(),
    });
    const labs = new PrismaLabRepository(db);
    const [order] = await labs.order({ patientId: encounter.patientId, encounterId: encounter.id, orderedBy: randomUUID(), loincCodes: ['2823-3'] });
    const result = { orderId: order!.id, value: 4.1, unit: 'mmol/L', flag: 'NORMAL', enteredBy: randomUUID() };
    await expect(labs.enter(result, (stored) => ({ ...labResultEvent(order!, findLabTest('2823-3')!, stored, context), eventId: 'not-a-uuid' }))).rejects.toThrow();
    expect((await labs.find(order!.id))?.results).toEqual([]);
    expect(await outboxOf(encounter.patientId)).toEqual([]);
    // The item is still open: the next entry lands, with its event.
    expect(await labs.enter(result, (stored) => labResultEvent(order!, findLabTest('2823-3')!, stored, context))).not.toBe('entered');
    expect((await outboxOf(encounter.patientId)).map((row) => row.type)).toEqual(['LAB_RESULT_ENTERED']);
  });
});
