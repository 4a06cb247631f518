/**
 * The consumer's side of storage: which appointment events were received, and the deliveries
 * each one causes. Recording an event and its deliveries is one transaction, and the unique
 * (event, channel, recipient) key makes a second recording of the same event a no-op.
 */
import type { ChannelName } from '../channels/notification-channel.ts';

/** Who a delivery is for. */
export type RecipientKind = 'patient' | 'doctor';

/** A delivery to create. */
export interface DeliveryDraft {
  /** Event UUID. */
  eventId: string;
  /** Event type. */
  eventType: string;
  /** The appointment it is about (appointment events); null otherwise. */
  appointmentId: string | null;
  /** The lab order item it is about (lab result events); null otherwise. */
  labOrderId: string | null;
  /** The channel. */
  channel: ChannelName;
  /** Patient or doctor. */
  recipientKind: RecipientKind;
  /** Patient or user UUID. */
  recipientId: string;
  /** Email or phone; null for in-app. */
  address: string | null;
  /** Subject or title. */
  subject: string;
  /** The text. */
  body: string;
}

/** The envelope of a received event. */
export interface ReceivedEnvelope {
  /** Event UUID. */
  eventId: string;
  /** The producer's sequence (int64 as a string). */
  sequence: string;
  /** Event type as the envelope names it. */
  eventType: string;
  /** Appointment UUID, when it is one. */
  appointmentId: string | null;
}

/** Storage of received events and the deliveries they cause. */
export interface ReceivedEventRepository {
  /**
   * Event ids among these that were already recorded (processed or poison).
   * @param eventIds - UUIDs
   */
  findReceived(eventIds: readonly string[]): Promise<Set<string>>;
  /**
   * Records an event as processed together with its deliveries, atomically; drafts that exist
   * already (same event, channel and recipient) are left alone.
   * @param event - the envelope
   * @param drafts - the deliveries it causes
   * @returns how many deliveries this call created
   */
  recordProcessed(event: ReceivedEnvelope, drafts: readonly DeliveryDraft[]): Promise<number>;
  /**
   * Records a poison event with the reason and the raw payload (kept in the database, never logged).
   * @param event - the envelope
   * @param reason - why it was refused (no values)
   * @param payload - the raw payload
   */
  recordPoison(event: ReceivedEnvelope, reason: string, payload: string): Promise<void>;
}
