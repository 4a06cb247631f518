/** CountMyUnreadNotifications: the badge on the bell. */
import type { CountMyUnreadNotificationsResponse } from '@hospital/grpc-contracts';
import type { CallScope } from '@hospital/service-kit';
import type { NotificationsDeps } from '../notifications-deps.ts';
import { callerUserId } from './caller-user.ts';

/**
 * How many of the caller's notifications are unread.
 * @param deps - inbox storage
 * @param scope - the caller
 */
export async function countMyUnreadHandler(deps: Pick<NotificationsDeps, 'inbox'>, scope: CallScope): Promise<CountMyUnreadNotificationsResponse> {
  return { count: await deps.inbox.countForUser({ userId: callerUserId(scope), unreadOnly: true }) };
}
