/** Mutation fields of the identity subgraph: sign-in, sessions and user administration. */
import { callGrpc, protoRoleFromGraphql } from '@hospital/subgraph-kit';
import type { MutationResolvers } from '../__generated__/resolvers-types.ts';
import { createClientAppMutations } from './ClientApp.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Mutation resolvers.
 * @param deps - the identity client
 */
export function createMutationResolvers(deps: ResolverDeps): MutationResolvers {
  const { client } = deps;
  return {
    ...createClientAppMutations(deps),
    login: (_parent, { email, password, newPassword }, ctx) => callGrpc(client.login({ email, password, newPassword: newPassword ?? '' }, { metadata: ctx.grpcMetadata() })),
    refreshToken: (_parent, { refreshToken }, ctx) => callGrpc(client.refreshToken({ refreshToken }, { metadata: ctx.grpcMetadata() })),
    logout: async (_parent, { refreshToken }, ctx) => (await callGrpc(client.logout({ refreshToken }, { metadata: ctx.grpcMetadata() }))).revoked,
    createUser: (_parent, { input }, ctx) => callGrpc(client.createUser({ ...input, role: protoRoleFromGraphql(input.role) }, { metadata: ctx.grpcMetadata() })),
    changeUserRole: (_parent, { id, role }, ctx) => callGrpc(client.changeUserRole({ id, role: protoRoleFromGraphql(role) }, { metadata: ctx.grpcMetadata() })),
    deactivateUser: (_parent, { id }, ctx) => callGrpc(client.deactivateUser({ id }, { metadata: ctx.grpcMetadata() })),
    unlockUser: (_parent, { id }, ctx) => callGrpc(client.unlockUser({ id }, { metadata: ctx.grpcMetadata() })),
    reactivateUser: (_parent, { id }, ctx) => callGrpc(client.reactivateUser({ id }, { metadata: ctx.grpcMetadata() })),
    setTemporaryPassword: (_parent, { id, password }, ctx) => callGrpc(client.setTemporaryPassword({ id, password }, { metadata: ctx.grpcMetadata() })),
    changeOwnPassword: (_parent, { currentPassword, newPassword }, ctx) => callGrpc(client.changeOwnPassword({ currentPassword, newPassword }, { metadata: ctx.grpcMetadata() })),
  };
}
