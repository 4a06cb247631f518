/**
 * The clinical topic as the notifications service reads it. LAB_RESULT_ENTERED and
 * LAB_RESULT_AMENDED notify the ORDERING doctor (labResult.orderedById) in-app, and nobody else.
 * VITALS_ABNORMAL and VITALS_RECORDED cause no notification: an urgent set is for whoever is on
 * the ward now (the bed board shows NEWS2 live), not for a named doctor's inbox read later; they
 * are still recorded in the inbox, so a replay stays a no-op.
 */
import { readClinicalEventMessage, parseClinicalEvent, type ClinicalEvent, type RawClinicalEvent } from '@hospital/grpc-contracts';
import { EVENT_HEADERS } from '@hospital/service-kit/kafka';
import type { DeliveryDraft } from '../repositories/received-event-repository.ts';
import { renderLabResult } from '../templates/lab-result-templates.ts';
import type { EventTopic } from './event-topic.ts';

/** Clinical events: lab results to the ordering doctor's inbox. */
export const CLINICAL_EVENTS: EventTopic<RawClinicalEvent, ClinicalEvent> = {
  label: 'clinical',
  readMessage(message) {
    const read = readClinicalEventMessage(message, EVENT_HEADERS);
    return read.ok ? { ok: true, event: read.envelope } : read;
  },
  parse: parseClinicalEvent,
  envelope: (event) => ({ eventId: event.id, sequence: event.sequence, eventType: event.type, appointmentId: null }),
  recipients: (event) =>
    event.type === 'LAB_RESULT_ENTERED' || event.type === 'LAB_RESULT_AMENDED'
      ? // No patient lookup: the stored text names no patient (lab-result-templates.ts).
        { patientIds: [], doctorIds: [event.labResult.orderedById] }
      : { patientIds: [], doctorIds: [] },
  plan(event, contacts, timeZone): DeliveryDraft[] {
    if (event.type !== 'LAB_RESULT_ENTERED' && event.type !== 'LAB_RESULT_AMENDED') return [];
    const doctor = contacts.doctors.get(event.labResult.orderedById);
    // A user the identity department does not know gets nothing (as for appointment events).
    if (!doctor) return [];
    return [
      {
        eventId: event.eventId,
        eventType: event.type,
        appointmentId: null,
        labOrderId: event.labResult.orderId,
        channel: 'in_app',
        recipientKind: 'doctor',
        recipientId: doctor.id,
        address: null,
        ...renderLabResult(event, timeZone),
      },
    ];
  },
  // pino leaves an undefined field out.
  logFields: (event) => ({ type: event.type, labOrderId: event.type === 'LAB_RESULT_ENTERED' || event.type === 'LAB_RESULT_AMENDED' ? event.labResult.orderId : undefined }),
};
