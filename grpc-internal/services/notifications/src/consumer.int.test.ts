/**
 * The consumer against the real appointments service and PostgreSQL: an event processed twice,
 * by one processor or by two consumer instances at once, yields one delivery per channel and
 * recipient; a poison event is recorded and acknowledged and the stream goes on.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@hospital/service-kit';
import { testDatabaseUrl } from '../../../../test/helpers.ts';
import { GrpcContactDirectory } from './departments/contact-directory.ts';
import { GrpcOutboxPuller } from './departments/appointments-outbox.ts';
import { consumeOnce, startEventConsumer, type OutboxPuller } from './events/event-consumer.ts';
import type { RawAppointmentEvent } from '@hospital/grpc-contracts';
import { APPOINTMENT_EVENTS } from './events/appointment-events.ts';
import { EventProcessor } from './events/event-processor.ts';
import { PrismaReceivedEventRepository } from './repositories/prisma-received-event-repository.ts';
import { eventually, startNotificationsHarness, type NotificationsHarness } from './testing/notifications-harness.ts';

const logger = createLogger('notifications-consumer-test', 'silent');
let harness: NotificationsHarness;
beforeAll(async () => {
  // Email is sent by delivery.int.test.ts only; this file's sender leaves it alone.
  harness = await startNotificationsHarness(testDatabaseUrl(), { sendChannels: ['in_app', 'sms'] });
});
afterAll(() => harness?.close());

const newProcessor = () =>
  new EventProcessor({
    topic: APPOINTMENT_EVENTS,
    events: new PrismaReceivedEventRepository(harness.db),
    contacts: new GrpcContactDirectory({ patients: harness.patients, identity: harness.identity }, harness.internalSecret),
    timeZone: 'Europe/London',
    logger,
  });
const newSource = (consumer: string) => new GrpcOutboxPuller(harness.appointments, consumer, harness.internalSecret);
const deliveryKeys = (eventId: string) =>
  harness.db.notificationDelivery.findMany({ where: { eventId }, select: { channel: true, recipientId: true } }).then((rows) => rows.map((r) => `${r.channel}:${r.recipientId}`));

/** Books an appointment for a new doctor and patient (email and phone); returns ids. */
async function bookFresh(offsetMinutes: number) {
  const doctor = await harness.newDoctor();
  const patientId = await harness.newPatient({ email: `p-${randomUUID().slice(0, 8)}@example.org`, phone: '07700 900456' });
  const appointment = await harness.book(doctor.id, patientId, offsetMinutes);
  return { doctorId: doctor.id, patientId, appointmentId: appointment.id };
}

/** The BOOKED event of an appointment, read from the real stream with a consumer of its own. */
async function bookedEventOf(appointmentId: string): Promise<RawAppointmentEvent> {
  const source = newSource(`test-reader-${randomUUID().slice(0, 8)}`);
  return eventually(async () => {
    const batch = await source.pull(500);
    const found = batch.find((event) => event.appointmentId === appointmentId && event.type === 'BOOKED');
    // Older events are moved past (for this reader only) until ours shows up.
    if (!found) await source.ack(batch.map((event) => event.id));
    return found;
  }, 'the BOOKED event');
}

describe('processing an event twice', () => {
  it('creates its deliveries once, whoever processed it first', async () => {
    const { appointmentId } = await bookFresh(0);
    const event = await bookedEventOf(appointmentId);
    const processor = newProcessor();
    const first = await processor.process([event]);
    const second = await processor.process([event]);
    expect(first.handled).toEqual([event.id]);
    expect(second).toEqual({ handled: [event.id], deliveriesCreated: 0, poison: 0 });
    const keys = await deliveryKeys(event.id);
    expect(keys).toHaveLength(4);
    expect(new Set(keys).size).toBe(4);
  });

  it('creates them once when several processors race on the same event', async () => {
    const { appointmentId } = await bookFresh(60);
    const real = await bookedEventOf(appointmentId);
    // The same payload under an id no other consumer in the run can have seen: a true race.
    const eventId = randomUUID();
    const payload = { ...JSON.parse(real.payloadJson), eventId };
    const event = { ...real, id: eventId, payloadJson: JSON.stringify(payload) };
    const results = await Promise.all(Array.from({ length: 6 }, () => newProcessor().process([event])));
    expect(results.reduce((sum, r) => sum + r.deliveriesCreated, 0)).toBe(4);
    for (const result of results) expect(result.handled).toEqual([eventId]);
    expect(await deliveryKeys(eventId)).toHaveLength(4);
  });

  it('creates them once when two consumer instances pull the same stream concurrently', async () => {
    const consumer = `test-race-${randomUUID().slice(0, 8)}`;
    const { appointmentId } = await bookFresh(120);
    const options = { batchSize: 50, pollIntervalMs: 50, maxErrorBackoffMs: 500, logger };
    const loops = [1, 2].map(() => startEventConsumer({ ...options, source: newSource(consumer), processor: newProcessor() }));
    try {
      const event = await bookedEventOf(appointmentId);
      // Acknowledged for the shared consumer name: its batch was committed by one of the two.
      await eventually(
        async () => {
          const pending = await newSource(consumer).pull(500);
          return pending.some((e) => e.id === event.id) ? undefined : true;
        },
        'the event to be acknowledged',
        20_000,
      );
      const keys = await deliveryKeys(event.id);
      expect(keys).toHaveLength(4);
      expect(new Set(keys).size).toBe(4);
    } finally {
      await Promise.all(loops.map((loop) => loop.stop()));
    }
  });
});

describe('a poison event', () => {
  it('is recorded and acknowledged, and the events after it still process', async () => {
    const { appointmentId } = await bookFresh(180);
    const real = newSource(`test-poison-${randomUUID().slice(0, 8)}`);
    const poisonId = randomUUID();
    const acked: string[] = [];
    let injected = false;
    // The real stream, with one malformed event put in front of the first batch.
    const source: OutboxPuller = {
      async pull(max) {
        const batch = await real.pull(max);
        if (injected) return batch;
        injected = true;
        const poison = { id: poisonId, type: 'BOOKED', appointmentId: randomUUID(), sequence: '0', payloadJson: '{"version":1,"type":"BOOKED","patient":"Ada"}' };
        return [poison, ...batch];
      },
      async ack(ids) {
        acked.push(...ids);
        await real.ack(ids);
      },
    };
    const processor = newProcessor();
    const event = await bookedEventOf(appointmentId);
    await eventually(
      async () => {
        await consumeOnce({ source, processor, batchSize: 100 });
        return acked.includes(event.id) ? true : undefined;
      },
      'the real event to be handled',
      20_000,
    );

    expect(acked[0]).toBe(poisonId);
    const poison = await harness.db.notificationReceivedEvent.findUniqueOrThrow({ where: { eventId: poisonId } });
    expect(poison).toMatchObject({ outcome: 'poison', eventType: 'BOOKED' });
    expect(poison.error).toMatch(/^invalid payload fields: /);
    expect(poison.error).not.toContain('Ada');
    const processed = await harness.db.notificationReceivedEvent.findUniqueOrThrow({ where: { eventId: event.id } });
    expect(processed.outcome).toBe('processed');
    expect(await deliveryKeys(event.id)).toHaveLength(4);
  });
});
