/** What the identity resolvers are built from, in a leaf module: the resolver files import it, never resolvers/index.ts. */
import type { AuditClient, IdentityClient, User__Output } from '@hospital/grpc-contracts';
import type { LoaderKey } from '@hospital/subgraph-kit';

/** What the resolvers call. */
export interface ResolverDeps {
  /** The identity gRPC client. */
  client: IdentityClient;
  /** The audit trail's gRPC client (same service process). */
  audit: AuditClient;
  /** The per-request users loader (one GetUsers call per request). */
  users: LoaderKey<string, User__Output>;
}
