/** Query fields of the notifications subgraph: thin calls to the notifications gRPC service. */
import { callGrpc, pageRequest, toConnection } from '@hospital/subgraph-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { statusToProto } from './enums.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Query resolvers.
 * @param deps - the notifications client
 */
export function createQueryResolvers({ client }: ResolverDeps): QueryResolvers {
  return {
    async myNotifications(_parent, { first, after, unreadOnly }, ctx) {
      const request = { page: pageRequest({ first, after }), unreadOnly: unreadOnly ?? false };
      const page = await callGrpc(client.listMyNotifications(request, { metadata: ctx.grpcMetadata() }));
      return toConnection(page.notifications, page.cursors, page.pageInfo);
    },
    async unreadNotificationCount(_parent, _args, ctx) {
      return (await callGrpc(client.countMyUnreadNotifications({}, { metadata: ctx.grpcMetadata() }))).count;
    },
    async notificationDeliveries(_parent, { status, first, after }, ctx) {
      const request = { page: pageRequest({ first, after }), status: status ? statusToProto(status) : undefined };
      const page = await callGrpc(client.listDeliveries(request, { metadata: ctx.grpcMetadata() }));
      return toConnection(page.deliveries, page.cursors, page.pageInfo);
    },
  };
}
