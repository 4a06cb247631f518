/** What the notifications resolvers are built from, in a leaf module: the resolver files import it, never resolvers/index.ts. */
import type { NotificationsClient, Notification__Output } from '@hospital/grpc-contracts';
import type { LoaderKey } from '@hospital/subgraph-kit';

/** What the resolvers call. */
export interface ResolverDeps {
  /** The notifications gRPC client. */
  client: NotificationsClient;
  /** The per-request loader of the caller's notifications. */
  notifications: LoaderKey<string, Notification__Output>;
}
