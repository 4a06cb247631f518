import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sampleAppointmentEvent } from '@hospital/grpc-contracts/events/sample';
import { EVENT_HEADERS, type IncomingEvent } from '@hospital/service-kit/kafka';
import { APPOINTMENT_EVENTS } from './appointment-events.ts';

const readKafkaMessage = (message: IncomingEvent) => APPOINTMENT_EVENTS.readMessage(message);

const eventId = randomUUID();
const appointmentId = randomUUID();
const payload = sampleAppointmentEvent({ eventId }, { id: appointmentId });
const message = (value: string | null, headers: Record<string, string> = {}, key: string | null = appointmentId): IncomingEvent => ({
  topic: 't',
  partition: 0,
  offset: '7',
  key,
  value,
  headers,
});
const headers = { [EVENT_HEADERS.eventId]: eventId, [EVENT_HEADERS.eventType]: 'BOOKED', [EVENT_HEADERS.schemaVersion]: '1', [EVENT_HEADERS.sequence]: '42' };

describe('APPOINTMENT_EVENTS.readMessage', () => {
  it('reads the envelope from headers and key', () => {
    expect(readKafkaMessage(message(JSON.stringify(payload), headers))).toEqual({
      ok: true,
      event: { id: eventId, type: 'BOOKED', appointmentId, sequence: '42', payloadJson: JSON.stringify(payload) },
    });
  });

  it('falls back to the payload when headers are missing', () => {
    const read = readKafkaMessage(message(JSON.stringify(payload), {}, null));
    expect(read).toMatchObject({ ok: true, event: { id: eventId, appointmentId, sequence: '0' } });
  });

  it.each([
    ['message has no value', 'empty', message(null, headers)],
    ['payload is not JSON', 'not-json', message('\u0000garbage{', headers)],
    ['event id is missing or not a UUID', 'missing-event-id', message(JSON.stringify({ ...payload, eventId: 'nope' }))],
    ['unsupported payload version', 'unsupported-version', message(JSON.stringify({ ...payload, version: 99 }), headers)],
    [
      'invalid payload fields: appointment.doctorId',
      'invalid-fields',
      message(JSON.stringify({ ...payload, appointment: { ...payload.appointment, doctorId: undefined } }), headers),
    ],
    ['payload does not match its envelope', 'envelope-mismatch', message(JSON.stringify(payload), { ...headers, [EVENT_HEADERS.eventType]: 'CANCELLED' })],
  ])('refuses with "%s" (%s)', (reason, kind, input) => {
    expect(readKafkaMessage(input)).toEqual({ ok: false, kind, reason });
  });
});
