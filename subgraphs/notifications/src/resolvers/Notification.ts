/** The `Notification` entity and the delivery types, resolved from the proto messages. */
import { orNull, referenceTo } from '@hospital/subgraph-kit';
import type { NotificationDeliveryAttemptResolvers, NotificationDeliveryResolvers, NotificationResolvers } from '../__generated__/resolvers-types.ts';
import { channelFromProto, outcomeFromProto, recipientKindFromProto, statusFromProto } from './enums.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Notification resolvers; fields not listed read the proto message as is.
 * @param deps - the notifications loader key
 */
export function createNotificationResolvers({ notifications }: ResolverDeps): NotificationResolvers {
  return {
    // N references in one request cost one GetNotifications call; others' ids resolve to null.
    __resolveReference: (reference, ctx) => ctx.loaders.get(notifications).load(reference.id),
    channel: (notification) => channelFromProto(notification.channel),
    readAt: (notification) => orNull(notification.readAt),
    appointmentId: (notification) => orNull(notification.appointmentId),
    // A lab-result notification is about no appointment.
    appointment: (notification) => referenceTo(notification.appointmentId),
    labOrderId: (notification) => orNull(notification.labOrderId),
    // An appointment notification is about no lab order; the clinical subgraph resolves the reference.
    labOrder: (notification) => referenceTo(notification.labOrderId),
  };
}

/** NotificationDelivery resolvers: enums, masked recipient, nulls for "none". */
export function createDeliveryResolvers(): NotificationDeliveryResolvers {
  return {
    channel: (delivery) => channelFromProto(delivery.channel),
    recipientKind: (delivery) => recipientKindFromProto(delivery.recipientKind),
    appointmentId: (delivery) => orNull(delivery.appointmentId),
    recipient: (delivery) => orNull(delivery.recipientMasked),
    status: (delivery) => statusFromProto(delivery.status),
    nextAttemptAt: (delivery) => orNull(delivery.nextAttemptAt),
    lastError: (delivery) => orNull(delivery.lastError),
    sentAt: (delivery) => orNull(delivery.sentAt),
  };
}

/** NotificationDeliveryAttempt resolvers. */
export function createAttemptResolvers(): NotificationDeliveryAttemptResolvers {
  return {
    outcome: (attempt) => outcomeFromProto(attempt.outcome),
    error: (attempt) => orNull(attempt.error),
  };
}
