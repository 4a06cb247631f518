/** Query fields of the appointments subgraph: thin calls to the appointments gRPC service. */
import { callGrpc, pageRequest, toConnection } from '@hospital/subgraph-kit';
import type { QueryResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';
import { selectsField } from './selects-field.ts';
import { protoStatusFromGraphql } from './status.ts';

/**
 * Query resolvers.
 * @param deps - client and loader key
 */
export function createQueryResolvers({ client, appointments }: ResolverDeps): QueryResolvers {
  return {
    // Through the loader, so `appointment` and entity references in one request share a call.
    appointment: (_parent, { id }, ctx) => ctx.loaders.get(appointments).load(id),
    async appointments(_parent, args, ctx, info) {
      const request = {
        doctorId: args.doctorId ?? '',
        patientId: args.patientId ?? '',
        from: args.from ?? '',
        to: args.to ?? '',
        statuses: (args.status ?? []).map(protoStatusFromGraphql),
        page: pageRequest(args),
        // A schedule that does not show the status history does not make the service read it.
        omitHistory: !selectsField(info, ['edges', 'node', 'history']),
      };
      const page = await callGrpc(client.listAppointments(request, { metadata: ctx.grpcMetadata() }));
      return toConnection(page.appointments, page.cursors, page.pageInfo);
    },
    // References only: the patients subgraph resolves names and details.
    async myPatients(_parent, { first }, ctx) {
      const { patientIds } = await callGrpc(client.listDoctorPatients({ doctorId: '', limit: first ?? 0 }, { metadata: ctx.grpcMetadata() }));
      return patientIds.map((id) => ({ id }));
    },
  };
}
