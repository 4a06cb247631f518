/**
 * The in-app channel: the message lands in the recipient's inbox in our own database, so it is
 * delivered the moment the sender picks it up. The delivery id makes a repeat harmless.
 */
import type { InboxRepository } from '../repositories/inbox-repository.ts';
import { type NotificationChannel, type OutboundMessage } from './notification-channel.ts';

/** In-app notifications stored in the inbox. */
export class InAppChannel implements NotificationChannel {
  /** @param inbox - inbox storage */
  constructor(private readonly inbox: InboxRepository) {}

  async send(message: OutboundMessage): Promise<void> {
    await this.inbox.deliver({
      deliveryId: message.deliveryId,
      userId: message.recipientId,
      eventType: message.eventType,
      appointmentId: message.appointmentId,
      labOrderId: message.labOrderId,
      title: message.subject,
      body: message.body,
    });
  }
}
