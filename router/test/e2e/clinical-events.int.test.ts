/**
 * Issue 18's live views through the router: `labResultEvents` and `wardVitalsEvents` are planned
 * like every subscription (edge @auth with aliases and fragments, WebSocket admission), the
 * clinical subgraph's object rules hold (a doctor's own orders or a patient they may see; ward staff
 * their wards), and a result entered by a nurse reaches the doctor's socket live, with the
 * patient's name from the patients subgraph. Delivery needs the clinical outbox relay on the run's
 * Kafka broker (test-support).
 */
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabaseUrl, until } from '../../../test/helpers.ts';
import { startTestSystem, type TestSystem } from '@hospital/test-support/system';
import { routerWsClient } from '../support/router-ws-client.ts';
import { clinicalFixtures } from './clinical-fixtures.ts';
import { dataOf } from './ward-fixtures.ts';

let system: TestSystem;
const fx = clinicalFixtures(() => system);
const clients: Client[] = [];

beforeAll(async () => {
  system = await startTestSystem(testDatabaseUrl());
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await system?.close();
});

type Arrival = { data?: Record<string, unknown> | null; errors?: unknown };

/** A client subscribed through the router, recording what arrives. */
function subscribe(token: string | undefined, query: string, variables: Record<string, unknown> = {}) {
  const client = routerWsClient(system.routerUrl, token);
  clients.push(client);
  const arrivals: Arrival[] = [];
  let ended: unknown;
  const done = new Promise<void>((resolve) => {
    client.subscribe({ query, variables }, { next: (r) => void arrivals.push(r), error: (e) => ((ended = e), resolve()), complete: () => resolve() });
  });
  return { client, arrivals, done, ended: () => ended };
}

/** Waits for the first answer: an event, an error result, or the end of the stream. */
async function firstAnswer(sub: ReturnType<typeof subscribe>): Promise<string> {
  await until(() => sub.arrivals.length > 0 || sub.ended() !== undefined);
  return JSON.stringify(sub.arrivals[0]?.errors ?? sub.ended());
}

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
    const before = system.activeSubscriptions('clinical');
    const sub = subscribe(await system.tokenFor(role), `subscription { ${field} { id } }`);
    if (allowed) {
      await upstreamOpen(before);
      expect(sub.ended()).toBeUndefined();
      await sub.client.dispose();
      await until(() => system.activeSubscriptions('clinical') === before);
    } else {
      await sub.done;
      expect(JSON.stringify(sub.ended())).toContain('"code":"FORBIDDEN"');
    }
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
});
