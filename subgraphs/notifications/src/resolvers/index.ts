/** The notifications subgraph's resolver map, checked against the generated `Resolvers` type. */
import { DateTimeScalar } from '@hospital/subgraph-kit';
import type { Resolvers } from '../__generated__/resolvers-types.ts';
import { createMutationResolvers } from './Mutation.ts';
import { createAttemptResolvers, createDeliveryResolvers, createNotificationResolvers } from './Notification.ts';
import { createQueryResolvers } from './Query.ts';
import type { ResolverDeps } from './deps.ts';

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
