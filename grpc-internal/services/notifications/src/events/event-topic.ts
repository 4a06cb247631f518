/**
 * What one topic's events mean to the notifications service: how a Kafka message is read (the
 * topic's contract), how an event is parsed, recorded, looked up and turned into deliveries. The
 * consumer (kafka-event-consumer.ts), the inbox de-duplication and the refusal of malformed
 * messages (event-processor.ts) are written once and take one of these per topic
 * (appointment-events.ts, clinical-events.ts).
 */
import type { IncomingEvent } from '@hospital/service-kit/kafka';
import type { DeliveryDraft, ReceivedEnvelope } from '../repositories/received-event-repository.ts';
import type { Contacts } from '../departments/contact-directory.ts';

/** A refused message or event: the contract's typed kind, and a reason naming field paths only. */
export interface EventRefusal {
  ok: false;
  kind: string;
  reason: string;
}

/** The envelope every transport hands over: what is de-duplicated and acknowledged by. */
export interface RawEvent {
  /** Event UUID. */
  id: string;
  /** Event type as the envelope names it. */
  type: string;
  /** The producer's outbox sequence (int64 as a string). */
  sequence: string;
  /** The JSON payload. */
  payloadJson: string;
}

/** One topic's events, as the shared consumer and processor use them. */
export interface EventTopic<Raw extends RawEvent, Event> {
  /** For logs: "appointment", "clinical". */
  label: string;
  /**
   * Reads a Kafka message with the topic's contract: its envelope, or why it can never be processed.
   * @param message - the message as consumed
   */
  readMessage(message: IncomingEvent): { ok: true; event: Raw } | EventRefusal;
  /**
   * Validates an event's payload against its envelope.
   * @param raw - the event as read or pulled
   */
  parse(raw: Raw): { ok: true; event: Event } | EventRefusal;
  /**
   * The envelope as recorded in the inbox (received_events).
   * @param raw - the event as read or pulled
   */
  envelope(raw: Raw): ReceivedEnvelope;
  /**
   * Whose contacts the event's deliveries need.
   * @param event - the parsed event
   */
  recipients(event: Event): { patientIds: string[]; doctorIds: string[] };
  /**
   * The deliveries one event causes (pure: the same event and contacts give the same drafts).
   * @param event - the parsed event
   * @param contacts - contacts looked up for the batch
   * @param timeZone - IANA zone the times are shown in
   */
  plan(event: Event, contacts: Contacts, timeZone: string): DeliveryDraft[];
  /**
   * Ids to log for a processed event (never patient data).
   * @param event - the parsed event
   */
  logFields(event: Event): Record<string, string | undefined>;
}
