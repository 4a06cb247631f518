/** GetNotifications: the caller's notifications by id, for entity batching. */
import type { GetNotificationsRequest__Output, GetNotificationsResponse } from '@hospital/grpc-contracts';
import { parseRequest, type CallScope } from '@hospital/service-kit';
import type { NotificationsDeps } from '../notifications-deps.ts';
import { callerUserId } from './caller-user.ts';
import { getNotificationsSchema } from './get-notifications.schema.ts';
import { toProtoNotification } from './to-proto.ts';

/**
 * The caller's own notifications in request order; anyone else's and unknown ids are left out.
 * @param request - the ids
 * @param deps - inbox storage
 * @param scope - the caller
 */
export async function getNotificationsHandler(
  request: GetNotificationsRequest__Output,
  deps: Pick<NotificationsDeps, 'inbox'>,
  scope: CallScope,
): Promise<GetNotificationsResponse> {
  const userId = callerUserId(scope);
  const { ids } = parseRequest(getNotificationsSchema, request);
  const found = new Map((await deps.inbox.findForUser(userId, [...new Set(ids)])).map((n) => [n.id, n]));
  return { notifications: ids.flatMap((id) => found.get(id) ?? []).map(toProtoNotification) };
}
