/**
 * Issue 18's live views through the router: `labResultEvents` and `wardVitalsEvents` are planned
 * like every subscription (edge @auth with aliases and fragments, WebSocket admission), the
 * clinical subgraph's object rules hold (a doctor's own orders or a patient they may see; ward staff
 * their wards), and a result entered by a nurse reaches the doctor's socket live, with the
 * patient's name from the patients subgraph. Delivery needs the clinical outbox relay on the run's
 * Kafka broker (test-support).
 */
import { describe, expect, it } from 'vitest';
import { until } from '../../../test/helpers.ts';
import type { TestSystem } from '@hospital/test-support/system';
import { routerWsClient } from '../support/router-ws-client.ts';
import { expectSubscriptionAccess } from '../support/subscription-access.ts';
import { clinicalFixtures } from './clinical-fixtures.ts';
import { dataOf } from './ward-fixtures.ts';
import { socketsOnSystem } from '../support/socket-system.ts';

let system: TestSystem;
const fx = clinicalFixtures(() => system);
const { clients, subscribe } = socketsOnSystem((started) => (system = started));

/** Waits for the first answer: an event, an error result, or the end of the stream. */
async function firstAnswer(sub: ReturnType<typeof subscribe>): Promise<string> {
  await until(() => sub.arrivals.length > 0 || sub.ended() !== undefined);
  return JSON.stringify(sub.arrivals[0]?.errors ?? sub.ended());
}

const LAB = 'subscription($p: ID) { labResultEvents(patientId: $p) { id type orderId testName value unit flag abnormal patient { id fullName } order { id result { value } } } }';
const VITALS = 'subscription($w: ID) { wardVitalsEvents(wardId: $w) { id wardId patient { id } news2 { score risk } abnormal } }';

/** Waits until the clinical subgraph holds `n` more subscriptions than `before`. */
const upstreamOpen = (before: number, n = 1) => until(() => system.activeSubscriptions('clinical') >= before + n);

describe('clinical live views through the router', () => {
  // The README role table's two subscription rows, walked over the socket.
  it.each([
    ['labResultEvents', 'admin', true],
    ['labResultEvents', 'doctor', true],
    ['labResultEvents', 'ward_staff', false],
    ['labResultEvents', 'pharmacist', false],
    ['labResultEvents', 'finance', false],
    ['wardVitalsEvents', 'admin', true],
    ['wardVitalsEvents', 'doctor', true],
    ['wardVitalsEvents', 'ward_staff', true],
    ['wardVitalsEvents', 'pharmacist', false],
    ['wardVitalsEvents', 'finance', false],
  ] as const)('role table: %s for %s: %s', async (field, role, allowed) => {
    await expectSubscriptionAccess(system, clients, { subgraph: 'clinical', token: await system.tokenFor(role), query: `subscription { ${field} { id } }`, allowed });
  });

  it('refuses anonymous callers on connect', async () => {
    const anonymous = routerWsClient(system.routerUrl);
    clients.push(anonymous);
    const code = await new Promise<number>((resolve) => anonymous.on('closed', (event) => resolve((event as { code: number }).code)));
    expect(code).toBe(4401);
  });

  it('refuses the fields behind an alias, a named fragment or an inline fragment', async () => {
    const pharmacist = await system.tokenFor('pharmacist');
    const disguised = [
      'subscription { results: labResultEvents { id } }',
      'subscription { ...Live } fragment Live on Subscription { wardVitalsEvents { vitals: id } }',
      'subscription { ... on Subscription { labResultEvents { id } } }',
    ];
    for (const query of disguised) {
      const sub = subscribe(pharmacist, query);
      await sub.done;
      expect(JSON.stringify(sub.ended())).toContain('"code":"FORBIDDEN"');
    }
  });

  it("lets ward staff follow their own ward and refuses them another ward's vitals", async () => {
    const own = await fx.ward.ward(['1']);
    const before = system.activeSubscriptions('clinical');
    const mine = subscribe(await system.tokenFor('ward_staff'), VITALS, { w: own.id });
    await upstreamOpen(before);
    expect(mine.ended()).toBeUndefined();
    await mine.client.dispose();
    const other = await fx.ward.ward(['1']);
    // A ward the system's ward staff account is not assigned to.
    dataOf(
      await system.gql(
        'mutation($w: ID!, $u: ID!) { unassignStaffFromWard(wardId: $w, userId: $u) { id } }',
        { w: other.id, u: system.accounts.ward_staff.id },
        await system.tokenFor('admin'),
      ),
    );
    const sub = subscribe(await system.tokenFor('ward_staff'), VITALS, { w: other.id });
    expect(await firstAnswer(sub)).toContain('"code":"FORBIDDEN"');
  });

  it("delivers a result a nurse enters to the ordering doctor live, with the patient's name; another patient's subscriber gets nothing", async () => {
    const { admitted, orderId: ordered } = await fx.potassiumOnStay();
    const doctor = await system.tokenFor('doctor');
    const before = system.activeSubscriptions('clinical');
    const own = subscribe(doctor, LAB);
    const named = subscribe(doctor, LAB, { p: admitted.patientId });
    const elsewhere = subscribe(doctor, LAB, { p: (await fx.admitted()).patientId });
    await upstreamOpen(before, 3);
    dataOf(await system.gql('mutation($o: ID!) { enterLabResult(orderId: $o, value: 6.9, unit: "mmol/L") { id } }', { o: ordered }, await system.tokenFor('ward_staff')));
    const arrived = (sub: ReturnType<typeof subscribe>) => sub.arrivals.some((a) => (a.data?.['labResultEvents'] as { orderId?: string } | undefined)?.orderId === ordered);
    await until(() => arrived(own) && arrived(named), 30_000);
    const event = own.arrivals.find((a) => a.data)!;
    expect(event.errors).toBeUndefined();
    expect(event.data!['labResultEvents']).toMatchObject({
      type: 'ENTERED',
      orderId: ordered,
      value: 6.9,
      unit: 'mmol/L',
      flag: 'CRITICAL_HIGH',
      abnormal: true,
      patient: { id: admitted.patientId },
      order: { id: ordered, result: { value: 6.9 } },
    });
    expect((event.data!['labResultEvents'] as { patient: { fullName: string } }).patient.fullName).toMatch(/\S/);
    expect(elsewhere.arrivals).toEqual([]);
  });

  it('ends an open wardVitalsEvents subscription with FORBIDDEN once its ward staff member is removed from the ward, and sends nothing after', async () => {
    const admitted = await fx.admitted();
    const admin = await system.tokenFor('admin');
    const before = system.activeSubscriptions('clinical');
    const named = subscribe(await system.tokenFor('ward_staff'), VITALS, { w: admitted.wardId });
    const all = subscribe(await system.tokenFor('ward_staff'), VITALS);
    await upstreamOpen(before, 2);
    const record = async () =>
      dataOf(
        await system.gql(
          'mutation($p: ID!, $v: VitalSignsInput!) { recordVitals(patientId: $p, vitals: $v) { id } }',
          {
            p: admitted.patientId,
            v: { respiratoryRate: 16, spo2Percent: 97, onOxygen: false, systolicMmhg: 120, diastolicMmhg: 80, pulseBpm: 70, consciousness: 'ALERT', temperatureC: 37.0 },
          },
          await system.tokenFor('doctor'),
        ),
      );
    // Following the ward: its vitals arrive on both.
    await record();
    await until(() => named.arrivals.length === 1 && all.arrivals.length === 1, 30_000);

    dataOf(
      await system.gql('mutation($w: ID!, $u: ID!) { unassignStaffFromWard(wardId: $w, userId: $u) { id } }', { w: admitted.wardId, u: system.accounts.ward_staff.id }, admin),
    );
    // The test system re-decides an open subscription's scope every second: the named ward's
    // subscription ends with FORBIDDEN as its last result; the one over all their wards stays open.
    const removedAt = Date.now();
    await Promise.race([named.done, new Promise((_, reject) => setTimeout(() => reject(new Error('the subscription did not end within 10 s')), 10_000))]);
    expect(Date.now() - removedAt).toBeLessThan(10_000);
    // A last result carrying the refusal, then a normal completion (not a transport error).
    expect(JSON.stringify(named.arrivals.at(-1)?.errors)).toContain('"code":"FORBIDDEN"');
    expect(named.ended()).toBeUndefined();
    await until(() => system.activeSubscriptions('clinical') === before + 1, 10_000);
    // Let the wider subscription's next check narrow its wards, then record again: nothing arrives.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const delivered = named.arrivals.length;
    await record();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(named.arrivals).toHaveLength(delivered);
    expect(all.arrivals).toHaveLength(1);
    expect(all.ended()).toBeUndefined();
  });

  it('delivers every recorded vitals set of the ward to its ward staff live, with its NEWS2', async () => {
    const admitted = await fx.admitted();
    const before = system.activeSubscriptions('clinical');
    const sub = subscribe(await system.tokenFor('ward_staff'), VITALS, { w: admitted.wardId });
    await upstreamOpen(before);
    const calm = { respiratoryRate: 16, spo2Percent: 97, onOxygen: false, systolicMmhg: 120, diastolicMmhg: 80, pulseBpm: 70, consciousness: 'ALERT', temperatureC: 37.0 };
    const record = async (vitals: Record<string, unknown>) =>
      dataOf(
        await system.gql<{ recordVitals: { id: string } }>(
          'mutation($p: ID!, $v: VitalSignsInput!) { recordVitals(patientId: $p, vitals: $v) { id } }',
          { p: admitted.patientId, v: vitals },
          await system.tokenFor('doctor'),
        ),
      ).recordVitals.id;
    await record(calm);
    await record({ ...calm, respiratoryRate: 26, spo2Percent: 90 });
    await until(() => sub.arrivals.length >= 2, 30_000);
    expect(sub.arrivals.map((a) => a.data?.['wardVitalsEvents'])).toEqual([
      expect.objectContaining({ wardId: admitted.wardId, patient: { id: admitted.patientId }, news2: { score: 0, risk: 'LOW' }, abnormal: [] }),
      expect.objectContaining({
        news2: expect.objectContaining({ risk: expect.stringMatching(/MEDIUM|HIGH/) }),
        abnormal: expect.arrayContaining(['respiratoryRate', 'spo2Percent']),
      }),
    ]);
  });
});
