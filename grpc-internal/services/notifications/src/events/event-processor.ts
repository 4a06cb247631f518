/**
 * Turns a batch of appointment events into deliveries. Each event is validated; a poison event is
 * recorded and counted as handled; a good one is recorded together with its deliveries in one
 * transaction. The ids returned are the events that may now be acknowledged — only ever after
 * their rows are committed (at-least-once in, exactly-once out).
 */
import { parseAppointmentEvent, type AppointmentEventV1, type RawAppointmentEvent } from '@hospital/grpc-contracts';
import { isUuid, type Logger } from '@hospital/service-kit';
import type { ReceivedEventRepository, ReceivedEnvelope } from '../repositories/received-event-repository.ts';
import type { ContactDirectory } from './contact-directory.ts';
import { planDeliveries } from './plan-deliveries.ts';

/** What processing a batch did. */
export interface BatchResult {
  /** Event ids that are safely recorded and may be acknowledged. */
  handled: string[];
  /** Deliveries created by this call (0 for events another consumer had already handled). */
  deliveriesCreated: number;
  /** Poison events recorded by this call. */
  poison: number;
}

/** Dependencies of the processor. */
export interface EventProcessorDeps {
  events: ReceivedEventRepository;
  contacts: ContactDirectory;
  /** IANA zone for the times in messages. */
  timeZone: string;
  logger: Logger;
}

/** Processes batches of appointment events. */
export class EventProcessor {
  /** @param deps - storage, contact lookups, time zone, logger */
  constructor(private readonly deps: EventProcessorDeps) {}

  /**
   * Processes events in order. Rejects (acknowledging nothing further) when contacts cannot be
   * looked up or the database fails; the caller retries the batch later.
   * @param batch - events as pulled, oldest first
   */
  async process(batch: readonly RawAppointmentEvent[]): Promise<BatchResult> {
    const result: BatchResult = { handled: [], deliveriesCreated: 0, poison: 0 };
    // An id that is not a UUID cannot be stored or acknowledged; it is the producer's to fix.
    const usable = batch.filter((event) => {
      if (isUuid(event.id)) return true;
      this.deps.logger.error({ sequence: event.sequence }, 'appointment event without a valid id; left unacknowledged');
      return false;
    });
    const seen = await this.deps.events.findReceived(usable.map((event) => event.id));
    const fresh: { event: RawAppointmentEvent; payload: AppointmentEventV1 }[] = [];
    for (const event of usable) {
      if (seen.has(event.id)) {
        result.handled.push(event.id);
        continue;
      }
      const parsed = parseAppointmentEvent(event);
      if (parsed.ok) {
        fresh.push({ event, payload: parsed.event });
        continue;
      }
      await this.deps.events.recordPoison(envelope(event), parsed.reason, event.payloadJson);
      // Ids and the reason only: the payload may hold patient data.
      this.deps.logger.warn({ eventId: event.id, sequence: event.sequence, kind: parsed.kind, reason: parsed.reason }, 'poison appointment event recorded');
      result.poison += 1;
      result.handled.push(event.id);
    }
    if (fresh.length === 0) return result;

    const contacts = await this.deps.contacts.lookup(
      fresh.map(({ payload }) => payload.appointment.patientId),
      fresh.map(({ payload }) => payload.appointment.doctorId),
    );
    for (const { event, payload } of fresh) {
      const drafts = planDeliveries(payload, contacts, this.deps.timeZone);
      const created = await this.deps.events.recordProcessed(envelope(event), drafts);
      this.deps.logger.info({ eventId: event.id, appointmentId: payload.appointment.id, type: payload.type, deliveries: created }, 'appointment event processed');
      result.deliveriesCreated += created;
      result.handled.push(event.id);
    }
    return result;
  }
}

function envelope(event: RawAppointmentEvent): ReceivedEnvelope {
  return { eventId: event.id, sequence: event.sequence, eventType: event.type, appointmentId: isUuid(event.appointmentId) ? event.appointmentId : null };
}
