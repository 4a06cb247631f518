/**
 * Email over SMTP with nodemailer (SMTP_URL, SMTP_FROM). Without SMTP_URL the channel records each
 * email as skipped instead of failing: a developer machine without a mail server still shows the
 * whole flow, and the delivery log says plainly that nothing was sent.
 */
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from '@hospital/service-kit';
import { DeliverySkipped, UndeliverableMessage, type NotificationChannel, type OutboundMessage } from './notification-channel.ts';

/** SMTP settings. */
export interface EmailSettings {
  /** smtp://host:port (or smtps://, with credentials in the URL); undefined turns email off. */
  smtpUrl?: string;
  /** The From header, e.g. `Hospital <no-reply@hospital.local>`. */
  from: string;
  /** Socket, connection and greeting timeout in ms (default 10 000). */
  timeoutMs?: number;
}

/** Email through an SMTP server. */
export class EmailChannel implements NotificationChannel {
  private readonly transport: Transporter | undefined;

  /**
   * @param settings - SMTP URL, sender, timeouts
   * @param logger - logs delivery ids only
   */
  constructor(
    private readonly settings: EmailSettings,
    private readonly logger: Logger,
  ) {
    const timeout = settings.timeoutMs ?? 10_000;
    this.transport = settings.smtpUrl
      ? nodemailer.createTransport({ url: settings.smtpUrl, connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout })
      : undefined;
  }

  async send(message: OutboundMessage): Promise<void> {
    if (!this.transport) {
      this.logger.info({ deliveryId: message.deliveryId }, 'email skipped: SMTP_URL is not set');
      throw new DeliverySkipped('email is off: SMTP_URL is not set');
    }
    if (!message.address) throw new UndeliverableMessage('no email address');
    await this.transport.sendMail({
      from: this.settings.from,
      to: message.address,
      subject: message.subject,
      text: message.body,
      // Lets a recipient's mail client (and our tests) tie the message to its delivery.
      headers: { 'X-Hospital-Delivery-Id': message.deliveryId },
    });
  }

  /** Closes pooled SMTP connections, if any. */
  close(): void {
    this.transport?.close();
  }
}
