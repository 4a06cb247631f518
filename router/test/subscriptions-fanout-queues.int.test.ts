/**
 * The fan-out executor over real subgraphs (graphql-ws upstream, HTTP entity fetches): identical
 * subscribers of one scope share one upstream stream and one resolution of each event; a
 * subscriber that stops reading is cut off past its queue (its connection closed through
 * onTooSlow) after the events it had queued, and never holds back the others.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { EventEmitter, on } from 'node:events';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger, type Caller } from '@hospital/service-kit';
import { composeSupergraph } from '../src/compose.ts';
import type { RouterContext } from '../src/context.ts';
import { RequestIdentitySigner, SignedIdentityDataSource } from '../src/gateway.ts';
import { SubscriberTooSlowError } from '../src/subscriptions/delivery-queue.ts';
import { createFederatedSubscribe } from '../src/subscriptions/federated-subscribe.ts';
import { SubscriptionPlanner } from '../src/subscriptions/subscription-plan.ts';
import { UpstreamPool } from '../src/subscriptions/upstream.ts';
import { startTinySubgraph, type TinySubgraph } from './support/tiny-subgraph.ts';
import { until } from '../../test/helpers.ts';

const SECRET = randomBytes(32).toString('base64url');
const bus = new EventEmitter();
bus.setMaxListeners(100);
let events: TinySubgraph;
let people: TinySubgraph;
let upstreams = 0;
let pool: UpstreamPool;
let executor: ReturnType<typeof createFederatedSubscribe>;

const context = (caller: Caller): RouterContext => {
  const requestId = randomUUID();
  return { caller, requestId, scope: { requestId }, origin: { ip: '127.0.0.1' } };
};
const admin = (userId: string): Caller => ({ kind: 'user', userId, role: 'admin', email: `${userId}@x.test` });

beforeAll(async () => {
  events = await startTinySubgraph(
    'events',
    `type Visit @key(fields: "id") { id: ID! ward: String! person: Person! }
     type Person @key(fields: "id", resolvable: false) { id: ID! }
     type Query { visit(id: ID!): Visit @auth(requires: [ADMIN]) }
     type Subscription { visits(ward: String!): Visit! @auth(requires: [ADMIN]) }`,
    {
      Query: { visit: (_: unknown, { id }: { id: string }) => ({ id, ward: 'A', person: { id: 'p1' } }) },
      Subscription: {
        visits: {
          subscribe: async function* (_: unknown, { ward }: { ward: string }) {
            upstreams += 1;
            for await (const [visit] of on(bus, 'visit')) if ((visit as { ward: string }).ward === ward) yield { visits: visit };
          },
        },
      },
    },
  );
  people = await startTinySubgraph('people', `type Person @key(fields: "id") { id: ID! name: String! } type Query { person(id: ID!): Person @auth(requires: [ADMIN]) }`, {
    Query: { person: (_: unknown, { id }: { id: string }) => ({ id, name: `Person ${id}` }) },
    Person: { __resolveReference: ({ id }: { id: string }) => ({ id, name: `Person ${id}` }) },
  });
  const composed = composeSupergraph([events, people].map((s) => ({ name: s.name, url: s.url, sdl: s.sdl })));
  expect(composed.errors).toEqual([]);
  const planner = new SubscriptionPlanner(composed.supergraphSdl!);
  const apiSchema = planner.apiSchema.toGraphQLJSSchema();
  const signer = new RequestIdentitySigner(SECRET);
  pool = new UpstreamPool(SECRET);
  const urls = new Map([events, people].map((s) => [s.name, s.url]));
  executor = createFederatedSubscribe({
    planner,
    pool,
    dataSources: Object.fromEntries([...urls].map(([name, url]) => [name, new SignedIdentityDataSource(url, signer)])),
    subgraphUrls: urls,
    apiSchema: () => apiSchema,
    maxQueuedEvents: 5,
    logger: createLogger('fanout-test', 'silent'),
  });
});

afterAll(async () => {
  await pool?.close();
  await events?.close();
  await people?.close();
});

const VISITS = parse('subscription($ward: String!) { visits(ward: $ward) { id person { name } } }');

describe('subscription fan-out executor', () => {
  it('shares one upstream and one resolution per event within a scope; a reader that stops is cut off, the others are not held back', async () => {
    const people0 = people.seen.length;
    const subscribe = (userId: string, onTooSlow?: () => void) =>
      executor.subscribe({ document: VISITS, operationName: undefined, variables: { ward: 'Q' }, context: context(admin(userId)), onTooSlow });
    let cutOff = 0;
    const fast = subscribe('fast');
    const slow = subscribe('slow', () => (cutOff += 1));
    await until(() => upstreams === 1);
    expect(executor.upstreamCount()).toBe(1);

    const fastSeen: string[] = [];
    const reading = (async () => {
      for (let i = 0; i < 12; i++) {
        const { value } = await fast.next();
        fastSeen.push((value as { data: { visits: { id: string; person: { name: string } } } }).data.visits.person.name);
      }
    })();
    for (let i = 0; i < 12; i++) {
      bus.emit('visit', { id: `v${i}`, ward: 'Q', person: { id: `p${i}` } });
      await new Promise((r) => setTimeout(r, 5));
    }
    await reading;
    // Every event reached the fast reader, in order, while the other read nothing.
    expect(fastSeen).toEqual(Array.from({ length: 12 }, (_, i) => `Person p${i}`));
    // One entity fetch per event for both subscribers (same selection, same scope).
    expect(people.seen.length - people0).toBe(12);
    expect(executor.counters.resolutions).toBeGreaterThanOrEqual(12);
    // The slow one: cut off once, after the five it had queued; then the error, never a silent gap.
    expect(cutOff).toBe(1);
    const slowSeen: string[] = [];
    await expect(
      (async () => {
        for (;;) {
          const { value, done } = await slow.next();
          if (done) return;
          slowSeen.push((value as { data: { visits: { id: string } } }).data.visits.id);
        }
      })(),
    ).rejects.toBeInstanceOf(SubscriberTooSlowError);
    expect(slowSeen).toEqual(['v0', 'v1', 'v2', 'v3', 'v4']);
    await fast.return!();
    await until(() => executor.upstreamCount() === 0);
  });

  it('never shares across scopes: two doctors get streams and resolutions of their own', async () => {
    const doctor = (userId: string): Caller => ({ kind: 'user', userId, role: 'doctor', email: `${userId}@x.test` });
    const before = upstreams;
    const a = executor.subscribe({ document: VISITS, operationName: undefined, variables: { ward: 'D' }, context: context(doctor('d1')) });
    const b = executor.subscribe({ document: VISITS, operationName: undefined, variables: { ward: 'D' }, context: context(doctor('d2')) });
    await until(() => upstreams === before + 2);
    const people0 = people.seen.length;
    bus.emit('visit', { id: 'dv', ward: 'D', person: { id: 'pd' } });
    await Promise.all([a.next(), b.next()]);
    expect(people.seen.length - people0).toBe(2);
    await a.return!();
    await b.return!();
  });
});
