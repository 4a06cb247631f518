/** Query fields of the identity subgraph: thin calls to the identity gRPC service. */
import { GraphQLError } from 'graphql';
import { callGrpc, graphqlRoleFromProto, pageRequest, protoFilter, toConnection } from '@hospital/subgraph-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import { createClientAppQueries } from './ClientApp.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Query resolvers.
 * @param deps - client and loader key
 */
export function createQueryResolvers(deps: ResolverDeps): QueryResolvers {
  const { client, audit, users } = deps;
  return {
    ...createClientAppQueries(deps),
    async me(_parent, _args, ctx) {
      // @auth already refused anonymous callers; this narrows the type.
      if (ctx.caller.kind !== 'user') throw new GraphQLError('Sign in first.', { extensions: { code: 'UNAUTHENTICATED' } });
      const me = await ctx.loaders.get(users).load(ctx.caller.userId);
      if (!me) throw new GraphQLError('Your account no longer exists.', { extensions: { code: 'NOT_FOUND' } });
      return me;
    },
    async users(_parent, { role, search, first, after }, ctx) {
      const request = { role: protoFilter('ROLE_', role), search: search ?? '', page: pageRequest({ first, after }) };
      const page = await callGrpc(client.listUsers(request, { metadata: ctx.grpcMetadata() }));
      return toConnection(page.users, page.cursors, page.pageInfo);
    },
    user: (_parent, { id }, ctx) => ctx.loaders.get(users).load(id),
    async doctors(_parent, { search, first, after }, ctx) {
      const request = { search: search ?? '', page: pageRequest({ first, after }) };
      const page = await callGrpc(client.listDoctors(request, { metadata: ctx.grpcMetadata() }));
      return toConnection(page.doctors, page.cursors, page.pageInfo);
    },
    async doctor(_parent, { id }, ctx) {
      const user = await ctx.loaders.get(users).load(id);
      // The same people as the doctor list: active doctors, nothing of the account.
      return user?.active && graphqlRoleFromProto(user.role) === 'DOCTOR' ? { id: user.id, displayName: user.displayName } : null;
    },
    async auditTrail(_parent, { patientId, userId, from, to, first, after }, ctx) {
      const request = { patientId: patientId ?? '', userId: userId ?? '', from: from ?? '', to: to ?? '', page: pageRequest({ first, after }) };
      const page = await callGrpc(audit.listAccessRecords(request, { metadata: ctx.grpcMetadata() }));
      return toConnection(page.records, page.cursors, page.pageInfo);
    },
    auditChainStatus: (_parent, _args, ctx) => callGrpc(audit.verifyAuditChain({}, { metadata: ctx.grpcMetadata() })),
  };
}
