/** GetNotifications: the caller's notifications by id, for entity batching. */
import type { GetNotificationsRequest__Output, GetNotificationsResponse } from '@hospital/grpc-contracts';
import { parseRequest, requireActingUser } from '@hospital/service-kit';
import { type CallScope } from '@hospital/service-kit/grpc';
import { NO_INBOX } from './fields.schema.ts';
import type { NotificationsDeps } from '../notifications-deps.ts';
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
  const userId = requireActingUser(scope.caller, NO_INBOX);
  const { ids } = parseRequest(getNotificationsSchema, request);
  const found = new Map((await deps.inbox.findForUser(userId, [...new Set(ids)])).map((n) => [n.id, n]));
  return { notifications: ids.flatMap((id) => found.get(id) ?? []).map(toProtoNotification) };
}
