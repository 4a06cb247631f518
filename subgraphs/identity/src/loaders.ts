/** Per-request loaders of the identity subgraph. */
import type { IdentityClient, User__Output } from '@hospital/grpc-contracts';
import { callGrpc, defineIdLoader, type LoaderKey } from '@hospital/subgraph-kit';

/**
 * Users by id: every `User` reference and `user(id)` in one request share ONE GetUsers call.
 * @param client - the identity gRPC client
 */
export function createUserLoader(client: IdentityClient): LoaderKey<string, User__Output> {
  return defineIdLoader('users', async (ids, options) => (await callGrpc(client.getUsers({ ids }, options))).users);
}
