/** The `Patient` entity: resolved from the proto `Patient` the patients service returns. */
import type { AllergyChange__Output } from '@hospital/grpc-contracts';
import { toFhirPatient } from '@hospital/grpc-contracts/fhir';
import type { AllergyChange, PatientResolvers, Role } from '../__generated__/resolvers-types.ts';
import { orNull, pageRequest, toGraphqlPageInfo } from '@hospital/subgraph-kit';
import type { ResolverDeps } from './deps.ts';
import { graphqlSexFromProto } from './sex.ts';

/**
 * Patient resolvers; fields not listed read the proto message as is.
 * @param deps - the loader keys
 */
export function createPatientResolvers({ patients, allergyHistories, fhir }: ResolverDeps): PatientResolvers {
  return {
    // N references in one `_entities` request cost one GetPatients call.
    __resolveReference: (reference, ctx) => ctx.loaders.get(patients).load(reference.id),
    fullName: (patient) => `${patient.givenName} ${patient.familyName}`,
    sex: (patient) => graphqlSexFromProto(patient.sex),
    phone: (patient) => orNull(patient.phone),
    email: (patient) => orNull(patient.email),
    address: (patient) => orNull(patient.address),
    // The record as GraphQL shows it, through the mapping the /fhir/R4 facade uses.
    fhir: (patient) =>
      toFhirPatient(
        {
          id: patient.id,
          mrn: patient.mrn,
          givenName: patient.givenName,
          familyName: patient.familyName,
          dateOfBirth: patient.dateOfBirth,
          sex: graphqlSexFromProto(patient.sex),
          phone: orNull(patient.phone),
          email: orNull(patient.email),
          address: orNull(patient.address),
          archived: patient.archived,
        },
        fhir,
      ),
    async allergyHistory(patient, args, ctx) {
      const { first, after } = pageRequest(args);
      const page = (await ctx.loaders.get(allergyHistories).load({ patientId: patient.id, first, after })) ?? { changes: [], hasMore: false };
      // The cursor is the change's id: the service pages after it.
      const edges = page.changes.map((change) => ({ cursor: change.id, node: toAllergyChange(change) }));
      return { edges, pageInfo: toGraphqlPageInfo({ hasNextPage: page.hasMore, endCursor: edges.at(-1)?.cursor ?? '' }) };
    },
  };
}

/** A stored change as the API shows it: services (`service:<name>`) are no User. */
function toAllergyChange(change: AllergyChange__Output): AllergyChange {
  const byService = change.changedBy.startsWith('service:');
  return {
    id: change.id,
    changedAt: change.changedAt,
    changedBy: byService ? null : { id: change.changedBy },
    changedByRole: change.changedByRole ? (change.changedByRole.toUpperCase() as Role) : null,
    before: change.before,
    after: change.after,
  };
}
