/** What the ward resolvers are built from, in a leaf module: the resolver files import it, never resolvers/index.ts. */
import type { WardClient } from '@hospital/grpc-contracts';
import type { WardLoaders } from '../loaders.ts';

/** What the resolvers call. */
export interface ResolverDeps {
  /** The ward gRPC client. */
  client: WardClient;
  /** The per-request loader kinds (one gRPC call per kind per request). */
  loaders: WardLoaders;
}
