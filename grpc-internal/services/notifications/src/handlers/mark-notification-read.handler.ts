/** MarkNotificationRead: one of the caller's own notifications, idempotently. */
import type { MarkNotificationReadRequest__Output, Notification } from '@hospital/grpc-contracts';
import { notFound, parseRequest, requireActingUser } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { NO_INBOX } from './fields.schema.ts';
import type { NotificationsDeps } from '../notifications-deps.ts';
import { markNotificationReadSchema } from './mark-notification-read.schema.ts';
import { toProtoNotification } from './to-proto.ts';

/**
 * Marks a notification read, keeping the first read time. Someone else's notification answers
 * NOT_FOUND exactly like a missing one, so ids reveal nothing about other inboxes.
 * @param request - the id
 * @param deps - inbox storage
 * @param scope - the caller
 */
export async function markNotificationReadHandler(request: MarkNotificationReadRequest__Output, deps: Pick<NotificationsDeps, 'inbox'>, scope: CallScope): Promise<Notification> {
  const userId = requireActingUser(scope.caller, NO_INBOX);
  const { id } = parseRequest(markNotificationReadSchema, request);
  const notification = await deps.inbox.markRead(userId, id);
  if (!notification) throw notFound('No such notification.');
  return toProtoNotification(notification);
}
