/**
 * Issue 18: each delivery of a clinical event to a subscriber is that person's read of the
 * patient's lab result or vital signs, recorded in the audit trail (the clinical subgraph reports
 * it to identity's RecordDeliveredReads, batched) before the values leave: a doctor receiving a
 * result gets a `LabOrder` row, every ward subscriber receiving a vitals set a `VitalSigns` row.
 * Read back as an admin reads the trail (`auditTrail`, as audit-trail.int.test.ts does).
 */
import { describe, expect, it } from 'vitest';
import { until } from '../../../test/helpers.ts';
import type { TestSystem } from '@hospital/test-support/system';
import { clinicalFixtures } from './clinical-fixtures.ts';
import { dataOf } from './ward-fixtures.ts';
import { socketsOnSystem } from '../support/socket-system.ts';

let system: TestSystem;
const fx = clinicalFixtures(() => system);
const { subscribe } = socketsOnSystem((started) => (system = started));

const TRAIL = `query Trail($patientId: ID) {
  auditTrail(patientId: $patientId, first: 100) { edges { node { actorKind actorId actorRole action resource patientId fields outcome requestId } } }
}`;
type TrailRow = {
  actorKind: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  resource: string;
  patientId: string | null;
  fields: string[];
  outcome: string;
};

/** The patient's trail rows of one subscription field (the sealer may take a moment). */
async function deliveryRows(patientId: string, action: string, expected: number): Promise<TrailRow[]> {
  const admin = await system.tokenFor('admin');
  const deadline = Date.now() + 30_000;
  for (;;) {
    const trail = dataOf(await system.gql<{ auditTrail: { edges: { node: TrailRow }[] } }>(TRAIL, { patientId }, admin));
    // This system's readers: another file's unfiltered subscriber on the run's topic may also receive the event.
    const ours = new Set(Object.values(system.accounts).map((account) => account.id));
    const rows = trail.auditTrail.edges.map((e) => e.node).filter((row) => row.action === action && row.actorId !== null && ours.has(row.actorId));
    if (rows.length >= expected || Date.now() > deadline) return rows;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const upstreamOpen = (before: number, n = 1) => until(() => system.activeSubscriptions('clinical') >= before + n);

describe('the audit of clinical values delivered to subscribers', () => {
  it('records a LabOrder read by the doctor who receives a lab result', async () => {
    const { admitted, orderId: ordered } = await fx.potassiumOnStay();
    const doctor = await system.tokenFor('doctor');
    const before = system.activeSubscriptions('clinical');
    // Only the event's own values: no nested field whose resolution would be audited anyway.
    const { arrivals } = subscribe(doctor, 'subscription Results { labResultEvents { orderId value unit flag } }');
    await upstreamOpen(before);
    dataOf(await system.gql('mutation($o: ID!) { enterLabResult(orderId: $o, value: 6.9, unit: "mmol/L") { id } }', { o: ordered }, await system.tokenFor('ward_staff')));
    await until(() => arrivals.some((a) => (a.data?.['labResultEvents'] as { orderId?: string } | undefined)?.orderId === ordered), 30_000);

    const rows = await deliveryRows(admitted.patientId, 'Subscription.labResultEvents', 1);
    expect(rows).toEqual([
      expect.objectContaining({
        actorKind: 'USER',
        actorId: system.accounts.doctor.id,
        actorRole: 'DOCTOR',
        resource: 'LabOrder',
        patientId: admitted.patientId,
        fields: [],
        outcome: 'ALLOWED',
      }),
    ]);
  });

  it("records a VitalSigns read for every subscriber of the ward's board who receives a vitals set", async () => {
    const admitted = await fx.admitted();
    const before = system.activeSubscriptions('clinical');
    const { arrivals: nurse } = subscribe(await system.tokenFor('ward_staff'), 'subscription Board($w: ID) { wardVitalsEvents(wardId: $w) { news2 { score } urgent abnormal } }', {
      w: admitted.wardId,
    });
    const { arrivals: admin } = subscribe(await system.tokenFor('admin'), 'subscription Board($w: ID) { wardVitalsEvents(wardId: $w) { news2 { score } urgent abnormal } }', {
      w: admitted.wardId,
    });
    await upstreamOpen(before, 2);
    const vitals = { respiratoryRate: 26, spo2Percent: 90, onOxygen: false, systolicMmhg: 120, diastolicMmhg: 80, pulseBpm: 70, consciousness: 'ALERT', temperatureC: 37.0 };
    dataOf(
      await system.gql(
        'mutation($p: ID!, $v: VitalSignsInput!) { recordVitals(patientId: $p, vitals: $v) { id } }',
        { p: admitted.patientId, v: vitals },
        await system.tokenFor('doctor'),
      ),
    );
    await until(() => nurse.length === 1 && admin.length === 1, 30_000);
    expect([nurse[0]!.errors, admin[0]!.errors]).toEqual([undefined, undefined]);

    const rows = await deliveryRows(admitted.patientId, 'Subscription.wardVitalsEvents', 2);
    expect(rows.map((row) => [row.actorId, row.actorRole, row.resource, row.patientId, row.outcome]).sort()).toEqual(
      [
        [system.accounts.admin.id, 'ADMIN', 'VitalSigns', admitted.patientId, 'ALLOWED'],
        [system.accounts.ward_staff.id, 'WARD_STAFF', 'VitalSigns', admitted.patientId, 'ALLOWED'],
      ].sort(),
    );
  });
});
