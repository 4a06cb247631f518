/** Stored records → proto messages (RFC 3339 UTC times, empty strings for "none"). */
import type { Delivery, Notification } from '@hospital/grpc-contracts';
import { protoEnum, toProtoEnum } from '@hospital/service-kit';
import { maskEmail, maskPhone } from '../channels/redaction.ts';
import type { ChannelName } from '../channels/notification-channel.ts';
import type { AttemptRecord, DeliveryRecord, DeliveryState } from '../repositories/delivery-repository.ts';
import type { InboxNotification } from '../repositories/inbox-repository.ts';

/** The proto enum Channel. */
const CHANNEL_ENUM = protoEnum('CHANNEL_', ['email', 'sms', 'in_app'] satisfies ChannelName[]);
/** The proto enum AttemptOutcome. */
const ATTEMPT_OUTCOME_ENUM = protoEnum('ATTEMPT_OUTCOME_', ['sent', 'failed', 'skipped'] satisfies AttemptRecord['outcome'][]);
/** The proto enum DeliveryStatus, to the stored states. */
export const DELIVERY_STATUS_ENUM = protoEnum('DELIVERY_STATUS_', ['pending', 'sent', 'failed', 'skipped'] satisfies DeliveryState[]);

const iso = (date: Date | null) => date?.toISOString() ?? '';

/**
 * An inbox notification as proto.
 * @param notification - the stored notification
 */
export function toProtoNotification(notification: InboxNotification): Notification {
  return {
    id: notification.id,
    recipientId: notification.userId,
    channel: 'CHANNEL_IN_APP',
    title: notification.title,
    body: notification.body,
    createdAt: iso(notification.createdAt),
    readAt: iso(notification.readAt),
    eventType: notification.eventType,
    // proto3 has no absent string: empty when the notification is not about an appointment.
    appointmentId: notification.appointmentId ?? '',
    labOrderId: notification.labOrderId ?? '',
  };
}

/**
 * A delivery as proto: the address masked, no message text.
 * @param delivery - the stored delivery with its attempts
 */
export function toProtoDelivery(delivery: DeliveryRecord): Delivery {
  const masked = delivery.address === null ? '' : delivery.channel === 'email' ? maskEmail(delivery.address) : maskPhone(delivery.address);
  return {
    id: delivery.id,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    appointmentId: delivery.appointmentId ?? '',
    channel: toProtoEnum(CHANNEL_ENUM, delivery.channel),
    recipientKind: delivery.recipientKind === 'patient' ? 'RECIPIENT_KIND_PATIENT' : 'RECIPIENT_KIND_DOCTOR',
    recipientId: delivery.recipientId,
    recipientMasked: masked,
    status: toProtoEnum(DELIVERY_STATUS_ENUM, delivery.status),
    attemptCount: delivery.attemptCount,
    nextAttemptAt: iso(delivery.nextAttemptAt),
    lastError: delivery.lastError ?? '',
    createdAt: iso(delivery.createdAt),
    sentAt: iso(delivery.sentAt),
    attempts: delivery.attempts.map((attempt) => ({
      number: attempt.number,
      outcome: toProtoEnum(ATTEMPT_OUTCOME_ENUM, attempt.outcome),
      error: attempt.error ?? '',
      attemptedAt: iso(attempt.attemptedAt),
    })),
  };
}
