/** What the appointments handlers need, built once by startAppointmentsService. */
import type { OutboxRepository } from './outbox/outbox-repository.ts';
import type { ParticipantDirectory } from './departments/participant-directory.ts';
import type { AppointmentRepository } from './repositories/appointment-repository.ts';

/** Dependencies of every appointments handler. */
export interface AppointmentsDeps {
  /** Appointment storage (changes write their outbox event in the same transaction). */
  appointments: AppointmentRepository;
  /** Outbox reads and acknowledgements for pull consumers. */
  events: OutboxRepository;
  /** Patient and doctor checks against their departments. */
  participants: ParticipantDirectory;
  /** The clock (a parameter so time rules can be tested at fixed instants). */
  now: () => Date;
}
