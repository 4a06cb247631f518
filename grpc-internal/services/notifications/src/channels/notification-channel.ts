/**
 * The one interface every channel adapter implements. The sender loop hands each due delivery to
 * its channel; a channel either resolves (sent), throws (failed, retried with backoff), or throws
 * {@link DeliverySkipped} (deliberately not sent, final).
 */

/** The three channels. */
export type ChannelName = 'email' | 'sms' | 'in_app';

/** One message to one recipient, as stored in the delivery outbox. */
export interface OutboundMessage {
  /** Delivery UUID (idempotency key for channels that store). */
  deliveryId: string;
  /** The channel it goes through. */
  channel: ChannelName;
  /** Patient or user UUID. */
  recipientId: string;
  /** Email address or phone number; null for in-app. */
  address: string | null;
  /** Subject (email), title (in-app); SMS ignores it. */
  subject: string;
  /** The text. */
  body: string;
  /** Event type that caused it (appointment or clinical). */
  eventType: string;
  /** The appointment it is about; null when it is about a lab order item. */
  appointmentId: string | null;
  /** The lab order item it is about; null when it is about an appointment. */
  labOrderId: string | null;
}

/** A channel adapter: email over SMTP, SMS through a provider, the in-app inbox. */
export interface NotificationChannel {
  /**
   * Delivers one message; resolves once the channel has accepted it.
   * @param message - what to send, and to whom
   */
  send(message: OutboundMessage): Promise<void>;
}

/** Thrown by a channel that deliberately does not send (for example, no SMTP server configured). */
export class DeliverySkipped extends Error {
  /** @param reason - why, free of recipient data */
  constructor(reason: string) {
    super(reason);
    this.name = 'DeliverySkipped';
  }
}

/** Thrown for a message a channel cannot take at all (e.g. no address); retrying will not help. */
export class UndeliverableMessage extends Error {
  /** @param reason - why, free of recipient data */
  constructor(reason: string) {
    super(reason);
    this.name = 'UndeliverableMessage';
  }
}

/** The adapter for each channel. */
export type ChannelRegistry = Record<ChannelName, NotificationChannel>;
