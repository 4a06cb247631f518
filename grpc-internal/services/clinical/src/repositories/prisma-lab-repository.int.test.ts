/**
 * The lab repository against the run's real PostgreSQL database: the database decides racing
 * entries of one result (exactly one original per order item, and exactly one event in the
 * clinical outbox) and racing amendments of one result (exactly one lands, with one event);
 * amendments keep the original.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { useSharedDatabase } from '../../../../../test/shared-database.ts';
import { findLabTest } from '../domain/lab-catalogue.ts';
import { labResultEvent } from '../outbox/clinical-events.ts';
import type { LabOrderRecord, LabResultRecord } from './records.ts';
import { PrismaEncounterRepository } from './prisma-clinical-repository.ts';
import { PrismaLabRepository } from './prisma-lab-repository.ts';

const shared = useSharedDatabase({ poolSize: 4 });
let labs: PrismaLabRepository;
let encounters: PrismaEncounterRepository;
beforeAll(() => {
  labs = new PrismaLabRepository(shared.db);
  encounters = new PrismaEncounterRepository(shared.db);
});

async function orderPotassium() {
  const encounter = await encounters.openOnce({ patientId: randomUUID(), kind: 'OUTPATIENT', appointmentId: randomUUID(), admissionId: null, openedBy: randomUUID() });
  const [order] = await labs.order({ patientId: encounter.patientId, encounterId: encounter.id, orderedBy: randomUUID(), loincCodes: ['2823-3'] });
  return order!;
}
const result = (orderId: string, value: number) => ({ orderId, value, unit: 'mmol/L', flag: 'NORMAL', enteredBy: randomUUID() });
/** The event of a result of the item as read before the change. */
const eventOf = (order: LabOrderRecord) => (stored: LabResultRecord) =>
  labResultEvent(order, findLabTest(order.loincCode)!, stored, { actorId: stored.enteredBy, encounterId: order.encounterId, wardId: null });
/** The types of the item's events in the clinical outbox. */
const eventsOf = async (order: LabOrderRecord) =>
  (await shared.db.clinicalOutboxEvent.findMany({ where: { patientId: order.patientId }, orderBy: { sequence: 'asc' } })).map((row) => row.type);

describe('lab results in the database', () => {
  it('lets exactly one of many concurrent entries of a result win', async () => {
    const order = await orderPotassium();
    const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => labs.enter(result(order.id, 4 + i / 10), eventOf(order))));
    expect(outcomes.filter((o) => o === 'entered')).toHaveLength(5);
    expect((await labs.find(order.id))?.results).toHaveLength(1);
    expect(await eventsOf(order)).toEqual(['LAB_RESULT_ENTERED']);
  });

  it('keeps the original under its amendments, and lets one of two racing amendments land', async () => {
    const order = await orderPotassium();
    const entered = await labs.enter(result(order.id, 7.1), eventOf(order));
    if (entered === 'entered') throw new Error('first entry refused');
    const original = entered.results[0]!;
    const outcomes = await Promise.all([4.1, 4.2].map((v) => labs.amend({ ...result(order.id, v), amendsResultId: original.id }, eventOf(entered))));
    expect(outcomes.filter((o) => o === 'stale')).toHaveLength(1);
    expect(await eventsOf(order)).toEqual(['LAB_RESULT_ENTERED', 'LAB_RESULT_AMENDED']);
    const stored = await labs.find(order.id);
    expect(stored?.results.map((r) => [r.value, r.amendsResultId])).toEqual([
      [7.1, null],
      [expect.any(Number), original.id],
    ]);
  });
});
