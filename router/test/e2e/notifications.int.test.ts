/**
 * Notifications end to end through the router: a doctor books an appointment, and the
 * notification arrives in their inbox (appointment event → outbox → consumer → in-app delivery)
 * within seconds; reading, marking read (own only), the unread count and the delivery log. A lab
 * result the doctor ordered lands in the same inbox (clinical topic on the run's Kafka), with no
 * appointment, its lab order id, and no patient or clinical detail in its text; the ordering doctor
 * reads the patient and test through `labOrder` (the clinical subgraph's entity, checked at read
 * time), pharmacists and finance may not select it, ward staff see null for a patient not on
 * their wards, and anonymous callers are refused.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@hospital/db';
import type { RoleName } from '@hospital/service-kit';
import type { GraphQLResponse, TestSystem } from '@hospital/test-support/system';
import { systemWithDatabase } from '../support/system-database.ts';
import { registerPatient } from '../support/patients.ts';
import { dataOf } from './ward-fixtures.ts';

let system: TestSystem;
let db: PrismaClient;
let doctor: string;

const MY = `query($unreadOnly: Boolean) { myNotifications(first: 50, unreadOnly: $unreadOnly) {
  totalCount edges { node { id channel title body createdAt readAt eventType appointmentId appointment { id status } labOrderId } } } }`;
interface Node {
  id: string;
  channel: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
  eventType: string;
  /** Null for a lab-result notification. */
  appointmentId: string | null;
  appointment: { id: string; status: string } | null;
  /** Null for an appointment notification. */
  labOrderId: string | null;
}

/** A slot on the day after tomorrow (UTC), `offsetMinutes` after 08:00, 30 minutes long. */
function slot(offsetMinutes: number) {
  const start = new Date();
  start.setUTCDate(start.getUTCDate() + 2);
  start.setUTCHours(8, offsetMinutes, 0, 0);
  return { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 30 * 60_000).toISOString() };
}

async function bookAsDoctor(offsetMinutes: number): Promise<{ appointmentId: string; familyName: string; patientId: string }> {
  const familyName = `Inbox${randomUUID()
    .replace(/[^a-z]/g, '')
    .slice(0, 8)}`;
  const input = { givenName: 'Iris', familyName, dateOfBirth: '1975-06-01', email: `iris-${randomUUID().slice(0, 8)}@example.org` };
  const patientId = await registerPatient(system, input, doctor);
  const booked = await system.gql<{ bookAppointment: { id: string } }>(
    'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }',
    { input: { patientId, ...slot(offsetMinutes), reason: 'Follow-up' } },
    doctor,
  );
  return { appointmentId: dataOf(booked).bookAppointment.id, familyName, patientId };
}

/** Polls the doctor's inbox until a notification matches, or fails after the deadline. */
async function awaitNotification(match: (node: Node) => boolean, what: string, timeoutMs = 10_000): Promise<Node> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const nodes = dataOf(await system.gql<{ myNotifications: { edges: { node: Node }[] } }>(MY, {}, doctor)).myNotifications.edges.map((e) => e.node);
    const found = nodes.find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no notification for ${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Books, checks in, opens the visit, orders potassium (2823-3) and enters a critical 6.9 mmol/L as the doctor. */
async function orderedCriticalPotassium(offsetMinutes: number) {
  const booking = await bookAsDoctor(offsetMinutes);
  dataOf(await system.gql('mutation($id: ID!) { checkInAppointment(id: $id) { status } }', { id: booking.appointmentId }, await system.tokenFor('ward_staff')));
  const visit = dataOf(
    await system.gql<{ openVisit: { id: string } }>('mutation($a: ID!) { openVisit(appointmentId: $a) { id } }', { a: booking.appointmentId }, doctor),
  ).openVisit;
  const [order] = dataOf(
    await system.gql<{ orderLabTests: { id: string }[] }>('mutation($e: ID!) { orderLabTests(encounterId: $e, loincCodes: ["2823-3"]) { id } }', { e: visit.id }, doctor),
  ).orderLabTests;
  dataOf(await system.gql('mutation($o: ID!) { enterLabResult(orderId: $o, value: 6.9, unit: "mmol/L") { id } }', { o: order!.id }, doctor));
  return { ...booking, orderId: order!.id };
}

/** A lab-result notification in a user's inbox about an order item, stored as the in-app channel stores it. */
async function seedLabNotification(userId: string, labOrderId: string): Promise<string> {
  const common = { eventType: 'LAB_RESULT_ENTERED', labOrderId, body: 'A result of a test you ordered arrived' };
  const delivery = await db.notificationDelivery.create({
    data: {
      ...common,
      eventId: randomUUID(),
      channel: 'in_app',
      recipientKind: 'doctor',
      recipientId: userId,
      subject: 'Lab result to review',
      status: 'sent',
      attemptCount: 1,
      nextAttemptAt: null,
      sentAt: new Date(),
    },
  });
  return (await db.notification.create({ data: { ...common, userId, deliveryId: delivery.id, title: 'Lab result to review' } })).id;
}

systemWithDatabase((running) => ({ system, db } = running), 2);
beforeAll(async () => {
  doctor = await system.tokenFor('doctor');
});

describe('booking through the router', () => {
  it('puts a notification in the doctor inbox within seconds, linked to the appointment', async () => {
    const { appointmentId, familyName } = await bookAsDoctor(0);
    const node = await awaitNotification((n) => n.appointmentId === appointmentId, 'the booking');
    expect(node).toMatchObject({ channel: 'IN_APP', title: 'New appointment', eventType: 'BOOKED', readAt: null, appointment: { id: appointmentId, status: 'SCHEDULED' } });
    // Patient and reason are read through the appointment (checked at read time), never stored in the message.
    expect(node.body).not.toContain(familyName);
    expect(node.body).not.toContain('Follow-up');
  });

  it('notifies a cancellation too, newest first', async () => {
    const { appointmentId } = await bookAsDoctor(60);
    await awaitNotification((n) => n.appointmentId === appointmentId, 'the booking');
    const cancelled = await system.gql('mutation($id: ID!) { cancelAppointment(id: $id, reason: "Patient called") { id } }', { id: appointmentId }, doctor);
    dataOf(cancelled);
    const node = await awaitNotification((n) => n.appointmentId === appointmentId && n.eventType === 'CANCELLED', 'the cancellation');
    expect(node.title).toBe('Appointment cancelled');
    const page = dataOf(await system.gql<{ myNotifications: { edges: { node: Node }[] } }>(MY, {}, doctor)).myNotifications.edges.map((e) => e.node);
    const times = page.map((n) => Date.parse(n.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });
});

describe('marking read', () => {
  it('marks the own notification once; anyone else gets NOT_FOUND; the unread count follows', async () => {
    const { appointmentId } = await bookAsDoctor(120);
    const node = await awaitNotification((n) => n.appointmentId === appointmentId, 'the booking');
    const COUNT = '{ unreadNotificationCount }';
    const before = dataOf(await system.gql<{ unreadNotificationCount: number }>(COUNT, {}, doctor)).unreadNotificationCount;
    const MARK = 'mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }';

    const admin = await system.gql(MARK, { id: node.id }, await system.tokenFor('admin'));
    expect(admin.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const read = dataOf(await system.gql<{ markNotificationRead: { readAt: string } }>(MARK, { id: node.id }, doctor)).markNotificationRead;
    expect(Date.parse(read.readAt)).not.toBeNaN();
    const again = dataOf(await system.gql<{ markNotificationRead: { readAt: string } }>(MARK, { id: node.id }, doctor)).markNotificationRead;
    expect(again.readAt).toBe(read.readAt);

    expect(dataOf(await system.gql<{ unreadNotificationCount: number }>(COUNT, {}, doctor)).unreadNotificationCount).toBe(before - 1);
    const unread = dataOf(await system.gql<{ myNotifications: { edges: { node: Node }[] } }>(MY, { unreadOnly: true }, doctor));
    expect(unread.myNotifications.edges.map((e) => e.node.id)).not.toContain(node.id);
    const missing = await system.gql(MARK, { id: randomUUID() }, doctor);
    expect(missing.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});

describe('the delivery log', () => {
  it('shows operators each delivery with its attempts, without the message', async () => {
    const { appointmentId } = await bookAsDoctor(180);
    await awaitNotification((n) => n.appointmentId === appointmentId, 'the booking');
    const QUERY = `query($after: String) { notificationDeliveries(first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { appointmentId channel recipientKind recipient status attemptCount attempts { number outcome attemptedAt } } } } }`;
    type Page = { notificationDeliveries: { pageInfo: { hasNextPage: boolean; endCursor: string }; edges: { node: Record<string, unknown> }[] } };
    const first = dataOf(await system.gql<Page>(QUERY, {}, await system.tokenFor('admin'))).notificationDeliveries;
    const ours = first.edges.map((e) => e.node).filter((n) => n['appointmentId'] === appointmentId);
    expect(ours).toContainEqual(
      expect.objectContaining({
        channel: 'IN_APP',
        recipientKind: 'DOCTOR',
        recipient: null,
        status: 'SENT',
        attemptCount: 1,
        attempts: [expect.objectContaining({ number: 1, outcome: 'SENT' })],
      }),
    );
    // The patient has an email address: a masked email delivery exists (sent or waiting for a sender).
    expect(ours).toContainEqual(expect.objectContaining({ channel: 'EMAIL', recipientKind: 'PATIENT', recipient: expect.stringMatching(/^i\*\*\*@example\.org$/) }));
  });
});

describe('lab results in the same inbox', () => {
  it('lists an appointment and a lab-result notification together: the lab one with no appointment, its lab order, no patient or value', async () => {
    const { appointmentId, familyName, orderId } = await orderedCriticalPotassium(240);

    // Every poll lists the whole inbox, appointment and lab notifications together, without errors.
    const lab = await awaitNotification((n) => n.labOrderId === orderId, 'the lab result', 30_000);
    expect(lab).toMatchObject({ channel: 'IN_APP', eventType: 'LAB_RESULT_ENTERED', appointmentId: null, appointment: null, title: 'Critical lab result to review' });
    expect(lab.body).toMatch(/^A result of a test you ordered arrived at /);
    for (const detail of [familyName, 'Potassium', '6.9', 'mmol/L']) expect(`${lab.title} ${lab.body}`).not.toContain(detail);
    const booked = await awaitNotification((n) => n.appointmentId === appointmentId && n.eventType === 'BOOKED', 'the booking');
    expect(booked).toMatchObject({ labOrderId: null, appointment: { id: appointmentId } });
  });

  const LAB_ORDER = `{ myNotifications(first: 50) { edges { node { id labOrderId appointmentId
    labOrder { id patient { id } test { loincCode name unit } orderedBy { id } result { value unit flag } } } } } }`;
  type LabNode = { id: string; labOrderId: string | null; appointmentId: string | null; labOrder: Record<string, unknown> | null };
  type Inbox = { myNotifications: { edges: { node: LabNode }[] } };
  const nodesOf = (result: GraphQLResponse<Inbox>) => dataOf(result).myNotifications.edges.map((e) => e.node);

  it('the ordering doctor reads the patient and test through labOrder; an appointment notification has none', async () => {
    const { appointmentId, patientId, orderId } = await orderedCriticalPotassium(300);
    await awaitNotification((n) => n.labOrderId === orderId, 'the lab result', 30_000);
    const nodes = nodesOf(await system.gql<Inbox>(LAB_ORDER, {}, doctor));
    expect(nodes.find((n) => n.labOrderId === orderId)?.labOrder).toEqual({
      id: orderId,
      patient: { id: patientId },
      test: { loincCode: '2823-3', name: 'Potassium', unit: 'mmol/L' },
      orderedBy: { id: system.accounts.doctor.id },
      result: { value: 6.9, unit: 'mmol/L', flag: 'CRITICAL_HIGH' },
    });
    expect(nodes.find((n) => n.appointmentId === appointmentId)?.labOrder).toBeNull();
  });

  it.each<RoleName>(['pharmacist', 'finance'])('a %s may not select labOrder, even on a lab notification of their own', async (role) => {
    const { orderId, patientId } = await orderedCriticalPotassium(360 + (role === 'finance' ? 60 : 0));
    await seedLabNotification(system.accounts[role].id, orderId);
    const result = await system.gql<Inbox>(LAB_ORDER, {}, await system.tokenFor(role));
    expect(result.errors?.map((e) => e.extensions?.['code'])).toContain('FORBIDDEN');
    expect(JSON.stringify(result.data ?? null)).not.toContain(patientId);
    // Reached through an alias inside a fragment, the same refusal.
    const hidden = await system.gql(
      'query { inbox: myNotifications(first: 50) { edges { node { ...Lab } } } } fragment Lab on Notification { about: labOrder { id patient { id } } }',
      {},
      await system.tokenFor(role),
    );
    expect(hidden.errors?.map((e) => e.extensions?.['code'])).toContain('FORBIDDEN');
    expect(JSON.stringify(hidden.data ?? null)).not.toContain(patientId);
    // Without labOrder the same inbox lists, with the id only.
    const plain = await system.gql<Inbox>('{ myNotifications(first: 50) { edges { node { id labOrderId } } } }', {}, await system.tokenFor(role));
    expect(nodesOf(plain).map((n) => n.labOrderId)).toContain(orderId);
  });

  it('ward staff get null for an item of a patient not admitted on their wards', async () => {
    const { orderId, patientId } = await orderedCriticalPotassium(480);
    const id = await seedLabNotification(system.accounts.ward_staff.id, orderId);
    const result = await system.gql<Inbox>(LAB_ORDER, {}, await system.tokenFor('ward_staff'));
    expect(nodesOf(result).find((n) => n.id === id)).toMatchObject({ labOrderId: orderId, labOrder: null });
    expect(JSON.stringify(result.data)).not.toContain(patientId);
  });

  it('refuses anonymous callers', async () => {
    const result = await system.gql(LAB_ORDER);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(result.data ?? null).toBeNull();
  });
});
