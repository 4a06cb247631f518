/**
 * The notifications gRPC API against real services: each user reads and marks only their own
 * inbox (someone else's id is NOT_FOUND), pages newest first, and only admins read the delivery log.
 */
import { randomUUID } from 'node:crypto';
import { Metadata, status } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIdentity } from '@hospital/service-kit';
import { callMetadata } from '@hospital/service-kit/grpc';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { expectGrpcError } from '@hospital/service-kit/testing';
import { eventually, startNotificationsHarness, type NotificationsHarness } from './testing/notifications-harness.ts';

let harness: NotificationsHarness;
let doctorId: string;
let appointmentIds: string[];
const asDoctor = () => ({ metadata: harness.as('doctor', doctorId) });

beforeAll(async () => {
  harness = await startNotificationsHarness(testDatabaseUrl(), { sendChannels: ['in_app'] });
  doctorId = (await harness.newDoctor()).id;
  const patientId = await harness.newPatient({ email: `inbox-${randomUUID().slice(0, 8)}@example.org` });
  appointmentIds = [];
  // One after the other, so the notifications' order is the bookings' order.
  for (const offset of [0, 60, 120]) {
    const appointment = await harness.book(doctorId, patientId, offset);
    appointmentIds.push(appointment.id);
    await eventually(async () => {
      const { notifications } = await harness.notifications.listMyNotifications({}, asDoctor());
      return notifications.some((n) => n.appointmentId === appointment.id) ? true : undefined;
    }, 'the in-app notification');
  }
});
afterAll(() => harness?.close());

describe('ListMyNotifications', () => {
  it('pages the caller inbox newest first, with a total', async () => {
    const first = await harness.notifications.listMyNotifications({ page: { first: 2 } }, asDoctor());
    expect(first.notifications.map((n) => n.appointmentId)).toEqual([appointmentIds[2], appointmentIds[1]]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, totalCount: 3 });
    const second = await harness.notifications.listMyNotifications({ page: { first: 2, after: first.pageInfo!.endCursor } }, asDoctor());
    expect(second.notifications.map((n) => n.appointmentId)).toEqual([appointmentIds[0]]);
    expect(second.pageInfo?.hasNextPage).toBe(false);
    for (const n of [...first.notifications, ...second.notifications]) expect(n).toMatchObject({ recipientId: doctorId, channel: 'CHANNEL_IN_APP' });
  });

  it('shows nobody else the notifications, and refuses forged cursors', async () => {
    const other = await harness.notifications.listMyNotifications({}, { metadata: harness.as('doctor') });
    expect(other.notifications).toEqual([]);
    await expectGrpcError(harness.notifications.listMyNotifications({ page: { after: 'forged' } }, asDoctor()), status.INVALID_ARGUMENT, { field: 'after' });
  });

  it('is for signed-in people only', async () => {
    await expectGrpcError(harness.notifications.listMyNotifications({}, { metadata: new Metadata() }), status.UNAUTHENTICATED);
    const anonymous = callMetadata(signIdentity({ kind: 'anonymous' }, harness.internalSecret), randomUUID());
    await expectGrpcError(harness.notifications.listMyNotifications({}, { metadata: anonymous }), status.UNAUTHENTICATED);
    const service = callMetadata(signIdentity({ kind: 'service', service: 'finance' }, harness.internalSecret), randomUUID());
    await expectGrpcError(harness.notifications.listMyNotifications({}, { metadata: service }), status.PERMISSION_DENIED);
  });
});

describe('MarkNotificationRead', () => {
  it('marks the caller own notification once, and answers NOT_FOUND for anyone else', async () => {
    const { notifications } = await harness.notifications.listMyNotifications({}, asDoctor());
    const target = notifications.at(-1)!;
    await expectGrpcError(harness.notifications.markNotificationRead({ id: target.id }, { metadata: harness.as('admin') }), status.NOT_FOUND);
    await expectGrpcError(harness.notifications.markNotificationRead({ id: randomUUID() }, asDoctor()), status.NOT_FOUND);
    await expectGrpcError(harness.notifications.markNotificationRead({ id: 'nope' }, asDoctor()), status.INVALID_ARGUMENT, { field: 'id' });

    const read = await harness.notifications.markNotificationRead({ id: target.id }, asDoctor());
    expect(read.readAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const again = await harness.notifications.markNotificationRead({ id: target.id }, asDoctor());
    expect(again).toEqual(read);

    const unread = await harness.notifications.listMyNotifications({ unreadOnly: true }, asDoctor());
    expect(unread.notifications.map((n) => n.id)).not.toContain(target.id);
    expect(unread.pageInfo?.totalCount).toBe(2);
    await expect(harness.notifications.countMyUnreadNotifications({}, asDoctor())).resolves.toEqual({ count: 2 });
  });
});

describe('GetNotifications', () => {
  it('returns the caller own notifications in request order and leaves out the rest', async () => {
    const { notifications } = await harness.notifications.listMyNotifications({}, asDoctor());
    const ids = [notifications[1]!.id, randomUUID(), notifications[0]!.id];
    const mine = await harness.notifications.getNotifications({ ids }, asDoctor());
    expect(mine.notifications.map((n) => n.id)).toEqual([notifications[1]!.id, notifications[0]!.id]);
    const theirs = await harness.notifications.getNotifications({ ids }, { metadata: harness.as('doctor') });
    expect(theirs.notifications).toEqual([]);
  });
});

describe('ListDeliveries', () => {
  it('shows admins the log with masked addresses and no message text', async () => {
    await expectGrpcError(harness.notifications.listDeliveries({}, asDoctor()), status.PERMISSION_DENIED);
    const admin = { metadata: harness.as('admin') };
    const sent = await harness.notifications.listDeliveries({ status: 'DELIVERY_STATUS_SENT', page: { first: 100 } }, admin);
    expect(sent.deliveries.length).toBeGreaterThan(0);
    for (const delivery of sent.deliveries) expect(delivery.status).toBe('DELIVERY_STATUS_SENT');
    const ours = await eventually(async () => {
      const page = await harness.notifications.listDeliveries({ page: { first: 100 } }, admin);
      const mine = page.deliveries.filter((d) => appointmentIds.includes(d.appointmentId));
      return mine.length >= 6 ? mine : undefined;
    }, 'the deliveries of this file');
    const email = ours.find((d) => d.channel === 'CHANNEL_EMAIL' && d.recipientKind === 'RECIPIENT_KIND_PATIENT')!;
    expect(email.recipientMasked).toMatch(/^i\*\*\*@example\.org$/);
    expect(JSON.stringify(ours)).not.toContain('cough');
    const inApp = ours.find((d) => d.channel === 'CHANNEL_IN_APP')!;
    expect(inApp).toMatchObject({ status: 'DELIVERY_STATUS_SENT', attemptCount: 1, recipientMasked: '', attempts: [{ number: 1, outcome: 'ATTEMPT_OUTCOME_SENT' }] });
  });
});
