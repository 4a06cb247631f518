/**
 * The transactional outbox and the pull API: every change writes exactly one event in its own
 * transaction, a refused change writes none, and consumers receive every committed event, even
 * one whose transaction committed after later events were already acknowledged.
 */
import { randomUUID } from 'node:crypto';
import { Metadata, status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { writeOutboxEvent } from './outbox/outbox-writer.ts';
import { startAppointmentsHarness, type AppointmentsHarness } from './testing/appointments-harness.ts';
import { sampleEvent, sampleSnapshot } from './testing/sample-event.ts';
import { expectGrpcError, harnessForFile } from '@hospital/service-kit/testing';

const h = harnessForFile(() => startAppointmentsHarness(testDatabaseUrl()));

const eventsOf = (appointmentId: string) => h.db.outboxEvent.findMany({ where: { appointmentId }, orderBy: { sequence: 'asc' } }).then((rows) => rows.map((row) => row.type));

/** Pulls and acknowledges until the consumer is caught up (other test files write events too). */
async function drain(consumer: string) {
  const service = { metadata: h.asService('notifications') };
  for (;;) {
    const { events } = await h.client.pullEvents({ consumer, max: 500 }, service);
    if (events.length === 0) return;
    await h.client.ackEvents({ consumer, eventIds: events.map((e) => e.id) }, { metadata: h.asService('notifications') });
  }
}

type PulledEvent = Awaited<ReturnType<AppointmentsHarness['client']['pullEvents']>>['events'][number];

/** Pulls and acknowledges until an event matching `wanted` arrives (15 s at most); every event pulled. */
async function pullUntil(consumer: string, wanted: (event: PulledEvent) => boolean): Promise<PulledEvent[]> {
  const service = () => ({ metadata: h.asService('notifications') });
  const pulled: PulledEvent[] = [];
  const deadline = Date.now() + 15_000;
  while (!pulled.some(wanted)) {
    if (Date.now() > deadline) throw new Error(`no wanted event for ${consumer} within 15 s`);
    const { events } = await h.client.pullEvents({ consumer, max: 500 }, service());
    if (events.length > 0) await h.client.ackEvents({ consumer, eventIds: events.map((e) => e.id) }, service());
    else await new Promise((resolve) => setTimeout(resolve, 100));
    pulled.push(...events);
  }
  return pulled;
}

describe('outbox', () => {
  it('writes exactly one event per change, with the versioned payload', async () => {
    const [doctorId, patientId] = await Promise.all([h.newDoctor(), h.newPatient()]);
    const asDoctor = () => ({ metadata: h.as('doctor', doctorId) });
    const a = await h.client.bookAppointment({ patientId, ...h.slot(0), reason: 'Rash' }, asDoctor());
    await h.client.rescheduleAppointment({ id: a.id, ...h.slot(60) }, asDoctor());
    await h.client.checkInAppointment({ id: a.id }, asDoctor());
    await h.client.completeAppointment({ id: a.id }, asDoctor());
    const b = await h.client.bookAppointment({ patientId, ...h.slot(120) }, asDoctor());
    await h.client.cancelAppointment({ id: b.id, reason: 'Away' }, asDoctor());
    const c = await h.client.bookAppointment({ patientId, ...h.slot(180) }, asDoctor());
    await h.client.markNoShow({ id: c.id }, asDoctor());
    expect(await eventsOf(a.id)).toEqual(['BOOKED', 'RESCHEDULED', 'CHECKED_IN', 'COMPLETED']);
    expect(await eventsOf(b.id)).toEqual(['BOOKED', 'CANCELLED']);
    expect(await eventsOf(c.id)).toEqual(['BOOKED', 'NO_SHOW']);
    const rescheduled = await h.db.outboxEvent.findFirstOrThrow({ where: { appointmentId: a.id, type: 'RESCHEDULED' } });
    expect(rescheduled.payload).toEqual({
      version: 1,
      eventId: rescheduled.id,
      type: 'RESCHEDULED',
      occurredAt: rescheduled.occurredAt.toISOString(),
      actorId: doctorId,
      appointment: { id: a.id, patientId, doctorId, ...h.slot(60), status: 'SCHEDULED', reason: 'Rash' },
      previous: h.slot(0),
    });
  });

  it('writes no event for a refused change: clash, illegal transition, foreign doctor', async () => {
    const [doctorId, p1, p2] = await Promise.all([h.newDoctor(), h.newPatient(), h.newPatient()]);
    const admin = { metadata: h.as('admin') };
    const a = await h.client.bookAppointment({ patientId: p1, doctorId, ...h.slot(240) }, admin);
    const before = await h.db.outboxEvent.count();
    await expectGrpcError(h.client.bookAppointment({ patientId: p2, doctorId, ...h.slot(240) }, admin), status.ALREADY_EXISTS);
    await expectGrpcError(h.client.completeAppointment({ id: a.id }, admin), status.INVALID_ARGUMENT);
    await expectGrpcError(h.client.cancelAppointment({ id: a.id }, { metadata: h.as('doctor') }), status.NOT_FOUND);
    const other = await h.client.bookAppointment({ patientId: p2, doctorId, ...h.slot(300) }, admin);
    await expectGrpcError(h.client.rescheduleAppointment({ id: other.id, ...h.slot(240) }, admin), status.ALREADY_EXISTS);
    expect(await eventsOf(a.id)).toEqual(['BOOKED']);
    expect(await eventsOf(other.id)).toEqual(['BOOKED']);
    expect(await h.db.appointment.count({ where: { patientId: p2 } })).toBe(1);
    // Other test files may add events meanwhile, but never fewer than our one booking.
    expect(await h.db.outboxEvent.count()).toBeGreaterThanOrEqual(before + 1);
  });
});

describe('PullEvents and AckEvents', () => {
  it('are for the system only: users and anonymous callers are FORBIDDEN, unsigned calls UNAUTHENTICATED', async () => {
    for (const role of ['admin', 'doctor'] as const) {
      await expectGrpcError(h.client.pullEvents({ consumer: 'x' }, { metadata: h.as(role) }), status.PERMISSION_DENIED);
      await expectGrpcError(h.client.ackEvents({ consumer: 'x', eventIds: [] }, { metadata: h.as(role) }), status.PERMISSION_DENIED);
    }
    await expectGrpcError(h.client.pullEvents({ consumer: 'x' }, { metadata: h.asAnonymous() }), status.PERMISSION_DENIED);
    await expectGrpcError(h.client.pullEvents({ consumer: 'x' }, { metadata: new Metadata() }), status.UNAUTHENTICATED);
  });

  it('validates the consumer name and batch size', async () => {
    const service = () => ({ metadata: h.asService('notifications') });
    await expectGrpcError(h.client.pullEvents({ consumer: 'Bad Name' }, service()), status.INVALID_ARGUMENT, { field: 'consumer' });
    await expectGrpcError(h.client.pullEvents({ consumer: 'ok', max: 501 }, service()), status.INVALID_ARGUMENT, { field: 'max' });
    await expectGrpcError(h.client.ackEvents({ consumer: 'ok', eventIds: ['nope'] }, service()), status.INVALID_ARGUMENT, { field: 'eventIds' });
  });

  it('delivers in sequence order until acknowledged, per consumer, and acknowledges idempotently', async () => {
    const consumer = `test-${randomUUID().slice(0, 8)}`;
    await drain(consumer);
    const [doctorId, patientId] = await Promise.all([h.newDoctor(), h.newPatient()]);
    const a = await h.client.bookAppointment({ patientId, doctorId, ...h.slot(400) }, { metadata: h.as('admin') });
    await h.client.checkInAppointment({ id: a.id }, { metadata: h.as('ward_staff') });
    const service = () => ({ metadata: h.asService('notifications') });
    const pulled = (await h.client.pullEvents({ consumer, max: 500 }, service())).events.filter((e) => e.appointmentId === a.id);
    expect(pulled.map((e) => e.type)).toEqual(['BOOKED', 'CHECKED_IN']);
    expect(BigInt(pulled[0]!.sequence)).toBeLessThan(BigInt(pulled[1]!.sequence));
    expect(JSON.parse(pulled[1]!.payloadJson)).toMatchObject({ version: 1, eventId: pulled[1]!.id, type: 'CHECKED_IN', appointment: { id: a.id, status: 'CHECKED_IN' } });
    // Not acknowledged yet: pulled again. Another consumer has its own cursor.
    expect((await h.client.pullEvents({ consumer, max: 500 }, service())).events.map((e) => e.id)).toEqual(expect.arrayContaining(pulled.map((e) => e.id)));
    const ids = pulled.map((e) => e.id);
    expect(await h.client.ackEvents({ consumer, eventIds: [...ids, ids[0]!, randomUUID()] }, service())).toEqual({ acknowledged: 2 });
    expect(await h.client.ackEvents({ consumer, eventIds: ids }, service())).toEqual({ acknowledged: 0 });
    const again = await h.client.pullEvents({ consumer, max: 500 }, service());
    expect(again.events.map((e) => e.id)).not.toEqual(expect.arrayContaining([ids[0]]));
    const other = await h.client.pullEvents({ consumer: `${consumer}-other`, max: 500 }, service());
    expect(other.events.length).toBeGreaterThan(0);
  });

  it('never skips an event whose transaction commits after later events were acknowledged', async () => {
    const consumer = `late-${randomUUID().slice(0, 8)}`;
    await drain(consumer);
    const lateAppointment = randomUUID();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedSignal = new Promise<void>((resolve) => (inserted = resolve));
    // A slow transaction takes the lower sequence number first and commits last.
    const slow = h.db.$transaction(
      async (tx) => {
        await writeOutboxEvent(tx, sampleEvent(sampleSnapshot(lateAppointment)));
        inserted();
        await gate;
      },
      { timeout: 20_000 },
    );
    await insertedSignal;
    const [doctorId, patientId] = await Promise.all([h.newDoctor(), h.newPatient()]);
    const quick = await h.client.bookAppointment({ patientId, doctorId, ...h.slot(500) }, { metadata: h.as('admin') });
    // Other files' transactions in flight hold their events (and ours after them) back for a moment:
    // pull until ours shows, acknowledging as a consumer would, and never see the late one meanwhile.
    const first = await pullUntil(consumer, (e) => e.appointmentId === quick.id);
    expect(first.map((e) => e.appointmentId)).not.toContain(lateAppointment);
    release();
    await slow;
    const second = await pullUntil(consumer, (e) => e.appointmentId === lateAppointment);
    const late = second.find((e) => e.appointmentId === lateAppointment);
    expect(late).toBeDefined();
    expect(BigInt(late!.sequence)).toBeLessThan(BigInt(first.find((e) => e.appointmentId === quick.id)!.sequence));
  });
});
