/**
 * ClinicalService.GetLabOrders through a real gRPC server (the service's own handlers and `unary`
 * wrapper) against the run's PostgreSQL and audit trail; the ward department is a stand-in that
 * says which patients lie on the caller's wards. Lab order items by id, in request order, unknown
 * ids left out; the readers of GetPatientLabOrders (ward staff: their wards' patients, the others
 * left out with a denied row); pharmacists, finance and anonymous callers refused; the shared batch
 * cap and malformed ids answered INVALID_ARGUMENT.
 */
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, startAuditTrail, type AuditTrail, type PrismaClient } from '@hospital/db';
import { waitForAuditSeal } from '@hospital/db/testing';
import { clinicalProto, createClinicalClient, type ClinicalClient } from '@hospital/grpc-contracts';
import { createLogger, MAX_IDS, type RoleName } from '@hospital/service-kit';
import { startGrpcServer, type RunningGrpcServer } from '@hospital/service-kit/grpc';
import { expectGrpcError, signedAs, TEST_CALL_DEADLINE_MS } from '@hospital/service-kit/testing';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import type { ClinicalDeps } from './clinical-deps.ts';
import type { CareDepartments } from './departments/care-departments.ts';
import { PrismaEncounterRepository } from './repositories/prisma-clinical-repository.ts';
import { PrismaLabRepository } from './repositories/prisma-lab-repository.ts';
import { CLINICAL_SERVICE_NAME, createClinicalHandlers } from './service.ts';

const internalSecret = `test-secret-${randomUUID()}`;
const as = signedAs(internalSecret);
/** Patients the stand-in ward department says lie on the caller's wards. */
const onWard = new Set<string>();
/** Patients the stand-in appointments department says the calling doctor sees. */
const seenByDoctor = new Set<string>();
const known = (set: Set<string>, ids: readonly string[]) => new Set(ids.filter((id) => set.has(id.toLowerCase())));

let db: PrismaClient;
let audit: AuditTrail;
let server: RunningGrpcServer;
let clinical: ClinicalClient;

beforeAll(async () => {
  const logger = createLogger('get-lab-orders-test', 'silent');
  db = createPrismaClient(testDatabaseUrl(), { poolSize: 2 });
  audit = startAuditTrail(testDatabaseUrl(), { logger });
  // GetLabOrders asks the other departments only through the care rule (`carers` below).
  const care = {} as CareDepartments;
  // The same facts for the care-relationship rule (a doctor's patients, the caller's wards), where the service asks it.
  const carers = {
    patientsOfDoctor: async (_doctorId: string, ids: readonly string[]) => known(seenByDoctor, ids),
    patientsOnCallersWards: async (ids: readonly string[]) => known(onWard, ids),
  };
  const deps = { encounters: new PrismaEncounterRepository(db), labs: new PrismaLabRepository(db), care, carers } as unknown as ClinicalDeps;
  const implementation = createClinicalHandlers(deps, { internalSecret, logger, audit: audit.sink });
  server = await startGrpcServer({
    services: [{ name: CLINICAL_SERVICE_NAME, definition: clinicalProto.ClinicalService.service, implementation }],
    port: 0,
    host: '127.0.0.1',
    logger,
  });
  clinical = createClinicalClient({ target: `127.0.0.1:${server.port}`, deadlineMs: TEST_CALL_DEADLINE_MS });
});
afterAll(async () => {
  clinical?.close();
  await server?.close();
  await audit?.stop();
  await db?.$disconnect();
});

/** A patient with an open visit and one order item per LOINC code, ordered by a fresh doctor. */
async function patientWithOrders(...loincCodes: string[]) {
  const patientId = randomUUID();
  const orderedBy = randomUUID();
  const encounter = await new PrismaEncounterRepository(db).openOnce({ patientId, kind: 'OUTPATIENT', appointmentId: randomUUID(), admissionId: null, openedBy: orderedBy });
  const orders = await new PrismaLabRepository(db).order({ patientId, encounterId: encounter.id, orderedBy, loincCodes });
  return { patientId, orderedBy, orderIds: orders.map((order) => order.id) };
}

/** The audit rows one actor left, as (action, patient, outcome, reason). */
async function rowsOf(actorId: string) {
  await waitForAuditSeal(db);
  const rows = await db.accessRecord.findMany({ where: { actorId }, orderBy: { seq: 'asc' } });
  return rows.map((row) => ({ action: row.action, resource: row.resource, patientId: row.patientId, outcome: row.outcome, reason: row.reason }));
}

const ACTION = 'ClinicalService.GetLabOrders';

describe('GetLabOrders', () => {
  it('answers the items in request order with test and results, leaves unknown ids out, and audits each patient read', async () => {
    const first = await patientWithOrders('2823-3', '718-7');
    const second = await patientWithOrders('2951-2');
    seenByDoctor.add(first.patientId).add(second.patientId);
    const doctorId = randomUUID();
    const ids = [second.orderIds[0]!, randomUUID(), first.orderIds[1]!.toUpperCase(), first.orderIds[0]!];
    const { orders } = await clinical.getLabOrders({ ids }, { metadata: as('doctor', doctorId) });
    expect(orders.map((order) => order.id)).toEqual([second.orderIds[0], first.orderIds[1], first.orderIds[0]]);
    expect(orders[0]).toMatchObject({ patientId: second.patientId, orderedBy: second.orderedBy, test: { loincCode: '2951-2' }, results: [] });
    expect(await rowsOf(doctorId)).toEqual(
      expect.arrayContaining([
        { action: ACTION, resource: 'LabOrder', patientId: first.patientId, outcome: 'allowed', reason: null },
        { action: ACTION, resource: 'LabOrder', patientId: second.patientId, outcome: 'allowed', reason: null },
      ]),
    );
    expect(await rowsOf(doctorId)).toHaveLength(2);
    // Nothing found: an empty answer, not an error.
    expect((await clinical.getLabOrders({ ids: [randomUUID()] }, { metadata: as('admin') })).orders).toEqual([]);
  });

  it("gives ward staff their wards' patients' items only: the others are left out like unknown ids, with a denied row", async () => {
    const admitted = await patientWithOrders('2823-3');
    const elsewhere = await patientWithOrders('2823-3');
    onWard.add(admitted.patientId);
    const staffId = randomUUID();
    const { orders } = await clinical.getLabOrders({ ids: [elsewhere.orderIds[0]!, admitted.orderIds[0]!] }, { metadata: as('ward_staff', staffId) });
    expect(orders.map((order) => order.id)).toEqual([admitted.orderIds[0]]);
    expect(await rowsOf(staffId)).toEqual(
      expect.arrayContaining([
        { action: ACTION, resource: 'LabOrder', patientId: admitted.patientId, outcome: 'allowed', reason: null },
        { action: ACTION, resource: 'LabOrder', patientId: elsewhere.patientId, outcome: 'denied', reason: 'OBJECT_ACCESS' },
      ]),
    );
    expect(await rowsOf(staffId)).toHaveLength(2);

    // Only withheld items: an empty answer, a denied row and no allowed one.
    const otherStaff = randomUUID();
    expect((await clinical.getLabOrders({ ids: elsewhere.orderIds }, { metadata: as('ward_staff', otherStaff) })).orders).toEqual([]);
    expect(await rowsOf(otherStaff)).toEqual([{ action: ACTION, resource: 'LabOrder', patientId: elsewhere.patientId, outcome: 'denied', reason: 'OBJECT_ACCESS' }]);
  });

  it.each<RoleName>(['pharmacist', 'finance'])('refuses a %s (PERMISSION_DENIED, audited as denied)', async (role) => {
    const { orderIds } = await patientWithOrders('2823-3');
    const userId = randomUUID();
    await expectGrpcError(clinical.getLabOrders({ ids: orderIds }, { metadata: as(role, userId) }), status.PERMISSION_DENIED);
    expect(await rowsOf(userId)).toEqual([{ action: ACTION, resource: 'LabOrder', patientId: null, outcome: 'denied', reason: 'FORBIDDEN' }]);
  });

  it('refuses an anonymous caller and a call without the signed identity', async () => {
    const { orderIds } = await patientWithOrders('2823-3');
    await expectGrpcError(clinical.getLabOrders({ ids: orderIds }, { metadata: as() }), status.UNAUTHENTICATED);
    await expectGrpcError(clinical.getLabOrders({ ids: orderIds }), status.UNAUTHENTICATED);
  });

  it(`takes at most ${MAX_IDS} ids (the shared batch cap) and only UUIDs: INVALID_ARGUMENT naming ids`, async () => {
    const metadata = as('doctor');
    const ids = (n: number) => Array.from({ length: n }, () => randomUUID());
    expect((await clinical.getLabOrders({ ids: ids(MAX_IDS) }, { metadata })).orders).toEqual([]);
    await expectGrpcError(clinical.getLabOrders({ ids: ids(MAX_IDS + 1) }, { metadata }), status.INVALID_ARGUMENT, { message: `at most ${MAX_IDS}`, field: 'ids' });
    await expectGrpcError(clinical.getLabOrders({ ids: [randomUUID(), 'not-a-uuid'] }, { metadata }), status.INVALID_ARGUMENT, { message: 'must be a UUID', field: 'ids' });
    await expectGrpcError(clinical.getLabOrders({ ids: [''] }, { metadata }), status.INVALID_ARGUMENT, { field: 'ids' });
  });
});
