/** Per-request loaders of the notifications subgraph. */
import type { NotificationsClient, Notification__Output } from '@hospital/grpc-contracts';
import { callGrpc, defineIdLoader, type LoaderKey } from '@hospital/subgraph-kit';

/**
 * The caller's notifications by id: every `Notification` reference in one request shares ONE
 * GetNotifications call; someone else's id resolves to null.
 * @param client - the notifications gRPC client
 */
export function createNotificationLoader(client: NotificationsClient): LoaderKey<string, Notification__Output> {
  return defineIdLoader('notifications', async (ids, options) => (await callGrpc(client.getNotifications({ ids }, options))).notifications);
}
