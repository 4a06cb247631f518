/**
 * The notifications subgraph over HTTP, as the router calls it, against the real notifications
 * gRPC service and the run's PostgreSQL database. Inbox rows are seeded as fixtures (the flow that
 * creates them is tested at the service and end to end); the gRPC client is wrapped only to count.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@hospital/db';
import { createNotificationsClient } from '@hospital/grpc-contracts';
import { startNotificationsService } from '@hospital/notifications-service';
import { countCalls, subgraphTestBed, userCaller } from '@hospital/subgraph-kit/testing';
import { testDatabaseUrl } from '../../../test/helpers.ts';
import { startNotificationsSubgraph } from './index.ts';
import { TEST_CALL_DEADLINE_MS } from '@hospital/service-kit/testing';

const bed = subgraphTestBed('notifications-subgraph-test');
const { host: HOST, internalSecret, logger, gql } = bed;
const doctorId = randomUUID();
const doctor = userCaller('doctor', doctorId);
const nurse = userCaller('ward_staff');
const db = createPrismaClient(testDatabaseUrl(), { poolSize: 2 });

let counter: ReturnType<typeof countCalls<ReturnType<typeof createNotificationsClient>>>;

/**
 * An in-app notification for a user, stored as the in-app channel would store it: about a fresh
 * appointment (BOOKED), or, with `labOrderId`, about that lab order item (LAB_RESULT_ENTERED).
 */
async function seedNotification(userId: string, title: string, labOrderId?: string) {
  const about = labOrderId ? { eventType: 'LAB_RESULT_ENTERED', appointmentId: null, labOrderId } : { eventType: 'BOOKED', appointmentId: randomUUID(), labOrderId: null };
  const delivery = await db.notificationDelivery.create({
    data: {
      eventId: randomUUID(),
      ...about,
      channel: 'in_app',
      recipientKind: 'doctor',
      recipientId: userId,
      subject: title,
      body: 'A patient, tomorrow.',
      status: 'sent',
      attemptCount: 1,
      nextAttemptAt: null,
      sentAt: new Date(),
    },
  });
  return db.notification.create({ data: { userId, deliveryId: delivery.id, ...about, title, body: 'A patient, tomorrow.' } });
}

beforeAll(async () => {
  // No appointments service here: the consumer finds no peer and backs off quietly.
  const dead = `${HOST}:1`;
  const service = await startNotificationsService(
    {
      port: 0,
      host: HOST,
      databaseUrl: testDatabaseUrl(),
      internalSecret,
      targets: { appointments: dead, patients: dead, identity: dead },
      email: { from: 'Hospital <no-reply@hospital.local>' },
      timeZone: 'Europe/London',
      pollIntervalMs: 60_000,
      retry: { maxAttempts: 1, baseMs: 1_000, capMs: 1_000 },
      sendChannels: ['in_app'],
    },
    { logger },
  );
  bed.closeAfter(service);
  const client = bed.closeAfter(createNotificationsClient({ target: `${HOST}:${service.port}`, deadlineMs: TEST_CALL_DEADLINE_MS }));
  counter = countCalls(client);
  bed.serve(
    await startNotificationsSubgraph({ port: 0, host: HOST, notificationsTarget: `${HOST}:${service.port}`, internalSecret, production: true }, { logger, client: counter.client }),
  );
  bed.closeAfter({ close: () => db.$disconnect() });
});

afterAll(() => bed.close());

const MY = `query($first: Int, $after: String, $unreadOnly: Boolean) {
  myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id channel title body createdAt readAt eventType appointmentId appointment { id } labOrderId } }
  }
}`;
type MyPage = {
  myNotifications: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: Record<string, unknown> & { id: string } }[] };
};

describe('notifications subgraph', () => {
  it('refuses requests without a valid router identity with 401', async () => {
    const result = await gql(undefined, '{ unreadNotificationCount }');
    expect([result.status, result.errors?.[0]?.extensions?.['code']]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('lists the caller notifications newest first and maps the proto message', async () => {
    const older = await seedNotification(doctorId, 'Older');
    const newer = await seedNotification(doctorId, 'Newer');
    const page = await gql<MyPage>(doctor, MY, { first: 1 });
    expect(page.errors).toBeUndefined();
    expect(page.data?.myNotifications.totalCount).toBe(2);
    expect(page.data?.myNotifications.edges[0]?.node).toEqual({
      id: newer.id,
      channel: 'IN_APP',
      title: 'Newer',
      body: 'A patient, tomorrow.',
      createdAt: newer.createdAt.toISOString(),
      readAt: null,
      eventType: 'BOOKED',
      appointmentId: newer.appointmentId,
      appointment: { id: newer.appointmentId },
      labOrderId: null,
    });
    const next = await gql<MyPage>(doctor, MY, { first: 1, after: page.data?.myNotifications.pageInfo.endCursor });
    expect(next.data?.myNotifications.edges.map((e) => e.node.id)).toEqual([older.id]);
    const other = await gql<MyPage>(nurse, MY, {});
    expect(other.data?.myNotifications.totalCount).toBe(0);
  });

  it('lists a lab-result notification beside an appointment one: no appointment (null, not an error), its lab order id', async () => {
    const labDoctorId = randomUUID();
    const labOrderId = randomUUID();
    const booked = await seedNotification(labDoctorId, 'New appointment');
    const lab = await seedNotification(labDoctorId, 'Lab result to review', labOrderId);
    const page = await gql<MyPage>(userCaller('doctor', labDoctorId), MY, {});
    expect(page.errors).toBeUndefined();
    const nodes = page.data?.myNotifications.edges.map((e) => e.node);
    expect(nodes).toEqual([
      expect.objectContaining({ id: lab.id, eventType: 'LAB_RESULT_ENTERED', appointmentId: null, appointment: null, labOrderId }),
      expect.objectContaining({ id: booked.id, eventType: 'BOOKED', appointmentId: booked.appointmentId, appointment: { id: booked.appointmentId }, labOrderId: null }),
    ]);
  });

  it('marks read only the caller own notification: anyone else gets NOT_FOUND', async () => {
    const mine = await seedNotification(doctorId, 'Read me');
    const MARK = 'mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }';
    const theirs = await gql(nurse, MARK, { id: mine.id });
    expect(theirs.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND' });
    const read = await gql<{ markNotificationRead: { readAt: string } }>(doctor, MARK, { id: mine.id });
    expect(read.data?.markNotificationRead.readAt).toMatch(/Z$/);
    const unread = await gql<{ unreadNotificationCount: number }>(doctor, '{ unreadNotificationCount }');
    const all = await gql<MyPage>(doctor, MY, { unreadOnly: true });
    expect(unread.data?.unreadNotificationCount).toBe(all.data?.myNotifications.totalCount);
    expect(all.data?.myNotifications.edges.map((e) => e.node.id)).not.toContain(mine.id);
  });

  it('resolves N notification references with ONE GetNotifications call, others as null', async () => {
    const [a, b] = [await seedNotification(doctorId, 'A'), await seedNotification(doctorId, 'B')];
    const foreign = await seedNotification(randomUUID(), 'Not yours');
    counter.reset();
    const representations = [a, foreign, b].map((n) => ({ __typename: 'Notification', id: n.id }));
    const result = await gql<{ _entities: ({ title: string } | null)[] }>(doctor, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Notification { title } } }', {
      r: representations,
    });
    expect(result.data?._entities).toEqual([{ title: 'A' }, null, { title: 'B' }]);
    expect(counter.calls.get('getNotifications')).toBe(1);
  });

  it('shows the delivery log to admins only, with enums and nulls mapped', async () => {
    const QUERY =
      '{ notificationDeliveries(status: SENT, first: 5) { totalCount edges { node { channel status recipient recipientKind nextAttemptAt sentAt attempts { number } } } } }';
    counter.reset();
    const refused = await gql(doctor, QUERY);
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(counter.calls.size).toBe(0);
    const admin = await gql<{ notificationDeliveries: { totalCount: number; edges: { node: Record<string, unknown> }[] } }>(userCaller('admin'), QUERY);
    expect(admin.errors).toBeUndefined();
    expect(admin.data?.notificationDeliveries.totalCount).toBeGreaterThan(0);
    expect(admin.data?.notificationDeliveries.edges[0]?.node).toMatchObject({ status: 'SENT', nextAttemptAt: null });
    const bad = await gql(userCaller('admin'), '{ notificationDeliveries(first: -1) { totalCount } }');
    expect(bad.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
