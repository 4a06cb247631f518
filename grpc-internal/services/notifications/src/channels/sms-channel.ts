/**
 * SMS through a provider behind an interface. The default provider only records what it would
 * have sent, with the number masked; a real provider (an HTTP gateway) implements SmsProvider and
 * is passed to startNotificationsService.
 */
import type { Logger } from '@hospital/service-kit';
import { UndeliverableMessage, type NotificationChannel, type OutboundMessage } from './notification-channel.ts';
import { maskPhone } from './redaction.ts';

/** One text message. */
export interface SmsMessage {
  /** Phone number as recorded. */
  to: string;
  /** The text (no clinical details). */
  text: string;
  /** Delivery UUID, for the provider's idempotency key where it has one. */
  reference: string;
}

/** An SMS gateway. */
export interface SmsProvider {
  /**
   * Sends one message; rejects when the gateway refuses it.
   * @param message - number, text, reference
   */
  sendSms(message: SmsMessage): Promise<void>;
}

/** What the logging provider kept of one message: no number, no text. */
export interface RecordedSms {
  /** The masked number. */
  to: string;
  /** The delivery reference. */
  reference: string;
  /** Length of the text, in characters. */
  length: number;
}

/** The default provider: logs "would send" with the number masked, and keeps the record. */
export class LoggingSmsProvider implements SmsProvider {
  /** Messages it would have sent, oldest first (bounded, for tests and diagnostics). */
  readonly sent: RecordedSms[] = [];

  /** @param logger - where "would send" lines go */
  constructor(private readonly logger: Logger) {}

  async sendSms(message: SmsMessage): Promise<void> {
    const record = { to: maskPhone(message.to), reference: message.reference, length: message.text.length };
    if (this.sent.push(record) > 1_000) this.sent.shift();
    this.logger.info({ deliveryId: message.reference, to: record.to, length: record.length }, 'would send SMS (logging provider)');
  }
}

/** The SMS channel: hands messages with a number to the provider. */
export class SmsChannel implements NotificationChannel {
  /** @param provider - the SMS gateway */
  constructor(private readonly provider: SmsProvider) {}

  async send(message: OutboundMessage): Promise<void> {
    if (!message.address) throw new UndeliverableMessage('no phone number');
    await this.provider.sendSms({ to: message.address, text: message.body, reference: message.deliveryId });
  }
}
