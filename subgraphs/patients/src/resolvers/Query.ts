/** Query fields of the patients subgraph: thin calls to the patients gRPC service. */
import { callGrpc, pageRequest, toConnection } from '@hospital/subgraph-kit';
import type { PatientConnectionResolvers, QueryResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';

/**
 * Query resolvers, and the one PatientConnection field that is not a plain property.
 * @param deps - client and loader key
 */
export function createQueryResolvers({ client, patients }: ResolverDeps): { Query: QueryResolvers; PatientConnection: PatientConnectionResolvers } {
  // A search whose count stopped at its cap, and how to count it fully should `totalCount` be asked for.
  const recounts = new WeakMap<object, () => Promise<number>>();
  return {
    Query: {
      // Through the loader, so `patient` and entity references in one request share a call.
      patient: (_parent, { id }, ctx) => ctx.loaders.get(patients).load(id),
      async patients(_parent, { search, first, after }, ctx) {
        const request = { search: search ?? '', page: pageRequest({ first, after }), includeArchived: false };
        const page = await callGrpc(client.searchPatients(request, { metadata: ctx.grpcMetadata() }));
        const counted = page.pageInfo?.totalCount ?? 0;
        const connection = { ...toConnection(page.patients, page.cursors, page.pageInfo), matchCount: { count: counted, capped: page.totalCountCapped } };
        if (page.totalCountCapped) {
          recounts.set(connection, async () => {
            const exact = await callGrpc(client.searchPatients({ ...request, exactCount: true, page: { first: 1, after: '' } }, { metadata: ctx.grpcMetadata() }));
            return exact.pageInfo?.totalCount ?? counted;
          });
        }
        return connection;
      },
      async possibleDuplicates(_parent, { input }, ctx) {
        const request = { givenName: input.givenName, familyName: input.familyName, dateOfBirth: input.dateOfBirth, phone: input.phone ?? '' };
        const found = await callGrpc(client.findPossibleDuplicates(request, { metadata: ctx.grpcMetadata() }));
        return found.candidates.flatMap(({ patient, reasons }) =>
          patient ? [{ patient, reasons: reasons.map((reason) => (reason === 'DUPLICATE_REASON_PHONE' ? 'PHONE' : 'NAME_AND_DATE_OF_BIRTH')) }] : [],
        );
      },
    },
    PatientConnection: {
      // Exact, as it always was: only a capped count costs a second, counting call.
      totalCount: (parent) => recounts.get(parent)?.() ?? parent.totalCount,
    },
  };
}
