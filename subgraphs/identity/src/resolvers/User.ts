/** The `User` entity: resolved from the proto `User` the identity service returns. */
import { graphqlRoleFromProto } from '@hospital/subgraph-kit';
import type { UserResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * User resolvers; fields not listed read the proto message as is.
 * @param deps - the users loader key
 */
export function createUserResolvers({ users }: ResolverDeps): UserResolvers {
  return {
    // N references in one `_entities` request cost one GetUsers call.
    __resolveReference: (reference, ctx) => ctx.loaders.get(users).load(reference.id),
    role: (user) => graphqlRoleFromProto(user.role),
  };
}
