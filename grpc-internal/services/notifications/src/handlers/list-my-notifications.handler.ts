/** ListMyNotifications: the caller's inbox, newest first, a page at a time. */
import type { ListMyNotificationsRequest__Output, ListMyNotificationsResponse } from '@hospital/grpc-contracts';
import { keysetOf, keysetPage, parseRequest, requireActingUser } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { NO_INBOX } from './fields.schema.ts';
import type { NotificationsDeps } from '../notifications-deps.ts';
import { listMyNotificationsSchema } from './list-my-notifications.schema.ts';
import { cursorOf, positionFrom } from './position.ts';
import { toProtoNotification } from './to-proto.ts';

/**
 * One page of the caller's own in-app notifications, with the total for the same filter.
 * @param request - page and unread filter
 * @param deps - inbox storage
 * @param scope - the caller (their user id selects the inbox)
 */
export async function listMyNotificationsHandler(
  request: ListMyNotificationsRequest__Output,
  deps: Pick<NotificationsDeps, 'inbox'>,
  scope: CallScope,
): Promise<ListMyNotificationsResponse> {
  const userId = requireActingUser(scope.caller, NO_INBOX);
  const { page, unreadOnly } = parseRequest(listMyNotificationsSchema, request);
  const { limit, readLimit, after } = keysetOf(page, positionFrom);
  const [read, totalCount] = await Promise.all([deps.inbox.listForUser({ userId, unreadOnly, after, limit: readLimit }), deps.inbox.countForUser({ userId, unreadOnly })]);
  const { rows, cursors, pageInfo } = keysetPage(read, limit, cursorOf, totalCount);
  return { notifications: rows.map(toProtoNotification), cursors, pageInfo };
}
