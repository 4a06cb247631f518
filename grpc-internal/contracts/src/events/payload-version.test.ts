/**
 * The appointment event payload holds its version (issue 16): the payload schema now matches the
 * committed snapshot of APPOINTMENT_EVENT_VERSION, and the check is proven on real incompatible
 * changes to the zod schema (a removed field, a renamed field, a changed type, a new enum value,
 * an optional field made required, a new required field), each refused under the same version
 * and accepted once the version is bumped with its own snapshot. An added optional field keeps
 * the version. Consumers refuse other versions: parseAppointmentEvent's 'unsupported-version',
 * dead-lettered by the Kafka consumer (notifications' kafka-consumer.int.test.ts, real broker).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { APPOINTMENT_EVENT_VERSION, appointmentEventSchema } from './appointment-event.ts';
import { readAppointmentEventMessage } from './appointment-event-message.ts';
import { sampleAppointmentEvent } from './appointment-event-sample.ts';
import { APPOINTMENT_EVENT_CONTRACT } from './event-contracts.ts';
import { readSnapshots } from './payload-snapshots.ts';
import { incompatibleChanges, payloadJsonSchema, payloadVersionProblems } from './payload-version.ts';

const contract = APPOINTMENT_EVENT_CONTRACT;
const snapshots = readSnapshots(contract.name);
const released = snapshots.get(APPOINTMENT_EVENT_VERSION);
const appointment = appointmentEventSchema.shape.appointment;

describe('the appointment event payload', () => {
  it('matches the committed snapshot of its version (npm run events:schema)', () => {
    expect(payloadVersionProblems({ contract, version: APPOINTMENT_EVENT_VERSION, current: payloadJsonSchema(appointmentEventSchema), snapshots })).toEqual([]);
    expect(released?.properties?.version).toMatchObject({ const: APPOINTMENT_EVENT_VERSION });
  });
});

describe('the payload version check', () => {
  it.each([
    ['a removed field', appointmentEventSchema.extend({ appointment: appointment.omit({ reason: true }) }), 'appointment.reason: removed'],
    ['a renamed field', appointmentEventSchema.omit({ actorId: true }).extend({ actorUserId: z.string().nullish() }), 'actorId: removed'],
    ['a changed type', appointmentEventSchema.extend({ occurredAt: z.number() }), 'occurredAt: type changed'],
    ['a new enum value', appointmentEventSchema.extend({ appointment: appointment.extend({ status: z.enum(['SCHEDULED', 'PENDING']) }) }), 'appointment.status: enum changed'],
    ['an optional field made required', appointmentEventSchema.extend({ previous: z.object({ startsAt: z.string(), endsAt: z.string() }) }), 'previous: made required'],
    ['a new required field', appointmentEventSchema.extend({ wardId: z.uuid() }), 'wardId: added as required'],
  ])('refuses %s under the same version, and takes it with a new version and its snapshot', (_name, changed, expected) => {
    const current = payloadJsonSchema(changed);
    const problems = payloadVersionProblems({ contract, version: APPOINTMENT_EVENT_VERSION, current, snapshots });
    expect(
      problems.some((p) => p.startsWith(`${expected}: incompatible with version ${APPOINTMENT_EVENT_VERSION}`)),
      problems.join('\n'),
    ).toBe(true);
    // A bump without its snapshot is refused; with it, the new version holds.
    const next = APPOINTMENT_EVENT_VERSION + 1;
    expect(payloadVersionProblems({ contract, version: next, current, snapshots })).toEqual([`payload version ${next} has no committed snapshot: run \`npm run events:schema\``]);
    expect(payloadVersionProblems({ contract, version: next, current, snapshots: new Map([...snapshots, [next, current]]) })).toEqual([]);
  });

  it('keeps the version for an added optional field, asking only for a fresh snapshot', () => {
    const current = payloadJsonSchema(appointmentEventSchema.extend({ wardId: z.uuid().optional() }));
    expect(incompatibleChanges(released ?? {}, current)).toEqual([]);
    expect(payloadVersionProblems({ contract, version: APPOINTMENT_EVENT_VERSION, current, snapshots })).toEqual([
      `the snapshot of version ${APPOINTMENT_EVENT_VERSION} is out of date (a compatible change): run \`npm run events:schema\``,
    ]);
  });

  it('a consumer refuses the next version (the Kafka consumer dead-letters such a refusal)', () => {
    const eventId = randomUUID();
    const appointmentId = randomUUID();
    const payload = sampleAppointmentEvent({ eventId }, { id: appointmentId });
    const names = { eventId: 'x-event-id', eventType: 'x-event-type', sequence: 'x-sequence' };
    const message = (version: number) => ({ key: appointmentId, value: JSON.stringify({ ...payload, version }), headers: {} });
    expect(readAppointmentEventMessage(message(APPOINTMENT_EVENT_VERSION), names).ok).toBe(true);
    expect(readAppointmentEventMessage(message(APPOINTMENT_EVENT_VERSION + 1), names)).toEqual({ ok: false, kind: 'unsupported-version', reason: 'unsupported payload version' });
  });

  it('ignores descriptions', () => {
    const current = payloadJsonSchema(appointmentEventSchema.extend({ actorId: appointmentEventSchema.shape.actorId.describe('Who did it.') }));
    expect(incompatibleChanges(released ?? {}, current)).toEqual([]);
  });
});
