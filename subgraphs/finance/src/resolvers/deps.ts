/** What the finance resolvers are built from, in a leaf module: the resolver files import it, never resolvers/index.ts. */
import type { FinanceClient } from '@hospital/grpc-contracts';
import type { FinanceLoaders } from '../loaders.ts';

/** What the resolvers call. */
export interface ResolverDeps {
  /** The finance gRPC client. */
  client: FinanceClient;
  /** Per-request loader kinds (one gRPC call per kind per request). */
  loaders: FinanceLoaders;
}
