/**
 * Turns a batch of events of one topic into deliveries, the same way for every topic (the topic's
 * meaning comes in as an EventTopic). Each event is validated; a poison event is recorded and
 * counted as handled; a good one is recorded together with its deliveries in one transaction. The
 * ids returned are the events that may now be acknowledged — only ever after their rows are
 * committed (at-least-once in, exactly-once out). Event ids are UUIDs, unique across topics, so
 * one inbox (received_events) de-duplicates both.
 */
import { isUuid, type Logger } from '@hospital/service-kit';
import type { ReceivedEventRepository } from '../repositories/received-event-repository.ts';
import type { ContactDirectory } from '../departments/contact-directory.ts';
import type { EventTopic, RawEvent } from './event-topic.ts';

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
export interface EventProcessorDeps<Raw extends RawEvent, Event> {
  /** The topic's events: contract, recipients, deliveries. */
  topic: EventTopic<Raw, Event>;
  events: ReceivedEventRepository;
  contacts: ContactDirectory;
  /** IANA zone for the times in messages. */
  timeZone: string;
  logger: Logger;
}

/** Processes batches of one topic's events. */
export class EventProcessor<Raw extends RawEvent, Event> {
  /** @param deps - topic, storage, contact lookups, time zone, logger */
  constructor(private readonly deps: EventProcessorDeps<Raw, Event>) {}

  /** The topic this processor serves (its contract reads the Kafka messages). */
  get topic(): EventTopic<Raw, Event> {
    return this.deps.topic;
  }

  /**
   * Processes events in order. Rejects (acknowledging nothing further) when contacts cannot be
   * looked up or the database fails; the caller retries the batch later.
   * @param batch - events as pulled or read, oldest first
   */
  async process(batch: readonly Raw[]): Promise<BatchResult> {
    const { topic, logger } = this.deps;
    const result: BatchResult = { handled: [], deliveriesCreated: 0, poison: 0 };
    // An id that is not a UUID cannot be stored or acknowledged; it is the producer's to fix.
    const usable = batch.filter((event) => {
      if (isUuid(event.id)) return true;
      logger.error({ sequence: event.sequence }, `${topic.label} event without a valid id; left unacknowledged`);
      return false;
    });
    const seen = await this.deps.events.findReceived(usable.map((event) => event.id));
    const fresh: { raw: Raw; event: Event }[] = [];
    for (const raw of usable) {
      if (seen.has(raw.id)) {
        result.handled.push(raw.id);
        continue;
      }
      const parsed = topic.parse(raw);
      if (parsed.ok) {
        fresh.push({ raw, event: parsed.event });
        continue;
      }
      await this.deps.events.recordPoison(topic.envelope(raw), parsed.reason, raw.payloadJson);
      // Ids and the reason only: the payload may hold patient data.
      logger.warn({ eventId: raw.id, sequence: raw.sequence, kind: parsed.kind, reason: parsed.reason }, `poison ${topic.label} event recorded`);
      result.poison += 1;
      result.handled.push(raw.id);
    }
    if (fresh.length === 0) return result;

    const wanted = fresh.map(({ event }) => topic.recipients(event));
    const contacts = await this.deps.contacts.lookup(
      wanted.flatMap((w) => w.patientIds),
      wanted.flatMap((w) => w.doctorIds),
    );
    for (const { raw, event } of fresh) {
      const drafts = topic.plan(event, contacts, this.deps.timeZone);
      const created = await this.deps.events.recordProcessed(topic.envelope(raw), drafts);
      logger.info({ eventId: raw.id, ...topic.logFields(event), deliveries: created }, `${topic.label} event processed`);
      result.deliveriesCreated += created;
      result.handled.push(raw.id);
    }
    return result;
  }
}
