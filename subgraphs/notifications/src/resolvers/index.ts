/** The notifications subgraph's resolver map, checked against the generated `Resolvers` type. */
import type { NotificationsClient, Notification__Output } from '@hospital/grpc-contracts';
import { DateTimeScalar, type LoaderKey } from '@hospital/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { createMutationResolvers } from './Mutation.ts';
import { createAttemptResolvers, createDeliveryResolvers, createNotificationResolvers } from './Notification.ts';
import { createQueryResolvers } from './Query.ts';

/** What the resolvers call. */
export interface ResolverDeps {
  /** The notifications gRPC client. */
  client: NotificationsClient;
  /** The per-request loader of the caller's notifications. */
  notifications: LoaderKey<string, Notification__Output>;
}

/**
 * Builds the resolver map.
 * @param deps - client and loader key
 */
export function createResolvers(deps: ResolverDeps): Resolvers {
  return {
    DateTime: DateTimeScalar,
    Query: createQueryResolvers(deps),
    Mutation: createMutationResolvers(deps),
    Notification: createNotificationResolvers(deps),
    NotificationDelivery: createDeliveryResolvers(),
    NotificationDeliveryAttempt: createAttemptResolvers(),
  };
}
