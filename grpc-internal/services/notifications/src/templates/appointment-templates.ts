/**
 * What each appointment event says, to whom, on which channel. Pure functions of the event and
 * the names looked up for it, so every wording is unit-tested.
 *
 * Messages carry the time and the doctor's name, never clinical detail, and staff messages never
 * name the patient: a stored in-app message is read later by whoever holds that inbox then (a
 * doctor moved to finance keeps their inbox), and who sees which doctor when is itself health
 * information. The patient and the visit reason are read through `Notification.appointment`,
 * which the appointments department checks against the reader's role and relationship at read
 * time.
 */
import type { AppointmentEventType } from '@hospital/grpc-contracts';
import { formatInstant, formatSlot } from './format-when.ts';

/** The four messages an event can produce. */
export type TemplateKind = 'patient-email' | 'patient-sms' | 'doctor-email' | 'doctor-in-app';

/** What a template needs to know. */
export interface TemplateInput {
  /** The event type. */
  type: AppointmentEventType;
  /** Slot start, RFC 3339. */
  startsAt: string;
  /** Slot end, RFC 3339. */
  endsAt: string;
  /** The slot before a reschedule, when the event says. */
  previous?: { startsAt: string; endsAt: string } | null;
  /** The doctor's display name, when the identity service knows them. */
  doctorName: string | null;
  /** IANA time zone the times are shown in. */
  timeZone: string;
}

/** A rendered message: subject (title for in-app, unused by SMS) and text. */
export interface RenderedMessage {
  subject: string;
  body: string;
}

type Phrase = (slot: string, doctor: string, from: string | null) => string;

const PATIENT: Record<AppointmentEventType, { subject: string; line: Phrase }> = {
  BOOKED: { subject: 'Your appointment is booked', line: (slot, doctor) => `Your appointment with ${doctor} is booked for ${slot}.` },
  RESCHEDULED: {
    subject: 'Your appointment has moved',
    line: (slot, doctor, from) => `Your appointment with ${doctor} has moved ${from ? `from ${from} ` : ''}to ${slot}.`,
  },
  CANCELLED: { subject: 'Your appointment is cancelled', line: (slot, doctor) => `Your appointment with ${doctor} on ${slot} has been cancelled.` },
  CHECKED_IN: { subject: 'You are checked in', line: (slot, doctor) => `You are checked in for your appointment with ${doctor} on ${slot}.` },
  COMPLETED: { subject: 'Thank you for your visit', line: (slot, doctor) => `Your appointment with ${doctor} on ${slot} is complete.` },
  NO_SHOW: {
    subject: 'We missed you',
    line: (slot, doctor) => `You were not seen for your appointment with ${doctor} on ${slot}. Please contact us to book again.`,
  },
};

const DOCTOR_SUBJECT: Record<AppointmentEventType, string> = {
  BOOKED: 'New appointment',
  RESCHEDULED: 'Appointment rescheduled',
  CANCELLED: 'Appointment cancelled',
  CHECKED_IN: 'Patient checked in',
  COMPLETED: 'Appointment completed',
  NO_SHOW: 'Patient did not attend',
};

/**
 * Renders one message.
 * @param kind - audience and channel
 * @param input - the event and the names looked up for it
 */
export function renderMessage(kind: TemplateKind, input: TemplateInput): RenderedMessage {
  const slot = formatSlot(input.startsAt, input.endsAt, input.timeZone);
  const doctor = input.doctorName ?? 'your doctor';
  const from = input.previous ? formatSlot(input.previous.startsAt, input.previous.endsAt, input.timeZone) : null;
  switch (kind) {
    case 'patient-email': {
      const { subject, line } = PATIENT[input.type];
      return { subject, body: `Hello,\n\n${line(slot, doctor, from)}\n\nTo change or cancel an appointment, please contact the hospital.\n` };
    }
    case 'patient-sms': {
      const { subject, line } = PATIENT[input.type];
      // SMS is short and leaves our hands entirely: the start time only, and never the reason.
      return { subject, body: `Hospital: ${line(formatInstant(input.startsAt, input.timeZone), doctor, null)}` };
    }
    case 'doctor-email': {
      const subject = DOCTOR_SUBJECT[input.type];
      const moved = from ? ` (moved from ${from})` : '';
      return { subject, body: `${subject}: the appointment on ${slot}${moved}.\n\nOpen the hospital app for the details.\n` };
    }
    case 'doctor-in-app': {
      const subject = DOCTOR_SUBJECT[input.type];
      return { subject, body: `${subject}: ${slot}${from ? ` (was ${from})` : ''}.` };
    }
  }
}
