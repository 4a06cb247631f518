/**
 * Which deliveries one appointment event causes: the patient by email and/or SMS (whatever
 * contact details are recorded), the doctor by email and in-app. Pure: the same event and
 * contacts always give the same drafts, which is what makes re-processing an event harmless.
 */
import { renderMessage, type TemplateInput, type TemplateKind } from '../templates/appointment-templates.ts';
import type { ChannelName } from '../channels/notification-channel.ts';
import type { DeliveryDraft, RecipientKind } from '../repositories/received-event-repository.ts';
import type { Contacts } from '../departments/contact-directory.ts';
import type { AppointmentEventV1 } from '@hospital/grpc-contracts';

/**
 * The deliveries for one event.
 * @param payload - the validated event payload
 * @param contacts - contacts looked up for the batch (unknown people get no delivery)
 * @param timeZone - IANA zone the times are shown in
 */
export function planDeliveries(payload: AppointmentEventV1, contacts: Contacts, timeZone: string): DeliveryDraft[] {
  const { appointment } = payload;
  const patient = contacts.patients.get(appointment.patientId);
  const doctor = contacts.doctors.get(appointment.doctorId);
  const input: TemplateInput = {
    type: payload.type,
    startsAt: appointment.startsAt,
    endsAt: appointment.endsAt,
    previous: payload.previous ?? null,
    doctorName: doctor?.displayName ?? null,
    timeZone,
  };
  const draft = (kind: TemplateKind, channel: ChannelName, recipientKind: RecipientKind, recipientId: string, address: string | null): DeliveryDraft => ({
    eventId: payload.eventId,
    eventType: payload.type,
    appointmentId: appointment.id,
    labOrderId: null,
    channel,
    recipientKind,
    recipientId,
    address,
    ...renderMessage(kind, input),
  });

  const drafts: DeliveryDraft[] = [];
  if (patient?.email) drafts.push(draft('patient-email', 'email', 'patient', patient.id, patient.email));
  if (patient?.phone) drafts.push(draft('patient-sms', 'sms', 'patient', patient.id, patient.phone));
  if (doctor) {
    if (doctor.email) drafts.push(draft('doctor-email', 'email', 'doctor', doctor.id, doctor.email));
    drafts.push(draft('doctor-in-app', 'in_app', 'doctor', doctor.id, null));
  }
  return drafts;
}
