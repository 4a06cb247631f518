/** CountMyUnreadNotifications: the badge on the bell. */
import type { CountMyUnreadNotificationsResponse } from '@hospital/grpc-contracts';
import { requireActingUser } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { NO_INBOX } from './fields.schema.ts';
import type { NotificationsDeps } from '../notifications-deps.ts';

/**
 * How many of the caller's notifications are unread.
 * @param deps - inbox storage
 * @param scope - the caller
 */
export async function countMyUnreadHandler(deps: Pick<NotificationsDeps, 'inbox'>, scope: CallScope): Promise<CountMyUnreadNotificationsResponse> {
  return { count: await deps.inbox.countForUser({ userId: requireActingUser(scope.caller, NO_INBOX), unreadOnly: true }) };
}
