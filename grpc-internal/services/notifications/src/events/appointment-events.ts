/** The appointments topic (and the PullEvents stream) as the notifications service reads it. */
import { parseAppointmentEvent, readAppointmentEventMessage, type AppointmentEventV1, type RawAppointmentEvent } from '@hospital/grpc-contracts';
import { isUuid } from '@hospital/service-kit';
import { EVENT_HEADERS } from '@hospital/service-kit/kafka';
import type { EventTopic } from './event-topic.ts';
import { planDeliveries } from './plan-deliveries.ts';

/** Appointment events: the patient and the doctor of the appointment, by the channels plan-deliveries.ts picks. */
export const APPOINTMENT_EVENTS: EventTopic<RawAppointmentEvent, AppointmentEventV1> = {
  label: 'appointment',
  readMessage(message) {
    // The envelope from the relay's headers and key (falling back to the payload), checked against it.
    const read = readAppointmentEventMessage(message, EVENT_HEADERS);
    return read.ok ? { ok: true, event: read.envelope } : read;
  },
  parse: parseAppointmentEvent,
  envelope: (event) => ({
    eventId: event.id,
    sequence: event.sequence,
    eventType: event.type,
    appointmentId: isUuid(event.appointmentId) ? event.appointmentId : null,
  }),
  recipients: (event) => ({ patientIds: [event.appointment.patientId], doctorIds: [event.appointment.doctorId] }),
  plan: planDeliveries,
  logFields: (event) => ({ appointmentId: event.appointment.id, type: event.type }),
};
