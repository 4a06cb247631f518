/**
 * The producer's half of the one event contract on the Kafka path: the message the relay makes of
 * an outbox row is what both consumers' reading (the contract's readAppointmentEventMessage, used
 * by the subgraph's feed and by notifications) accepts, with the payload unchanged.
 */
import { randomUUID } from 'node:crypto';
import { APPOINTMENT_EVENT_VERSION, readAppointmentEventMessage } from '@hospital/grpc-contracts';
import { EVENT_HEADERS, outboxMessageOf } from '@hospital/service-kit/kafka';
import { describe, expect, it } from 'vitest';
import { sampleEvent, sampleSnapshot } from '../testing/sample-event.ts';

const snapshot = () => sampleSnapshot(randomUUID(), new Date('2026-11-25T09:00:00Z'));

describe('outboxMessageOf', () => {
  it('makes a message every consumer reads back into the same event and envelope', () => {
    const appointment = snapshot();
    const event = sampleEvent(appointment);
    // The row as the relay selects it: the payload went through PostgreSQL's jsonb and back.
    const row = { id: event.eventId, sequence: 42n, key: appointment.id, type: event.type, payload: JSON.parse(JSON.stringify(event)) as unknown };
    const message = outboxMessageOf(row);
    expect(message.headers).toMatchObject({ [EVENT_HEADERS.schemaVersion]: String(APPOINTMENT_EVENT_VERSION), [EVENT_HEADERS.sequence]: '42' });
    const read = readAppointmentEventMessage({ key: message.key, value: message.value, headers: message.headers ?? {} }, EVENT_HEADERS);
    expect(read).toEqual({
      ok: true,
      event,
      envelope: { id: event.eventId, type: 'BOOKED', appointmentId: appointment.id, sequence: '42', payloadJson: message.value },
    });
  });

  it('carries a row whose payload is not the contract to a typed refusal, not to a consumer', () => {
    const appointment = snapshot();
    const event = sampleEvent(appointment);
    const row = { id: event.eventId, sequence: 1n, key: appointment.id, type: 'BOOKED', payload: { ...event, version: 2 } };
    const message = outboxMessageOf(row);
    expect(message.headers?.[EVENT_HEADERS.schemaVersion]).toBe('2');
    expect(readAppointmentEventMessage({ key: message.key, value: message.value, headers: message.headers ?? {} }, EVENT_HEADERS)).toEqual({
      ok: false,
      kind: 'unsupported-version',
      reason: 'unsupported payload version',
    });
  });
});
