/** The `Patient` entity: resolved from the proto `Patient` the patients service returns. */
import type { PatientResolvers } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './index.ts';
import { graphqlSexFromProto } from './sex.ts';

/** proto3 strings cannot be absent: an empty one means "not recorded", which the API shows as null. */
const orNull = (value: string) => (value === '' ? null : value);

/**
 * Patient resolvers; fields not listed read the proto message as is.
 * @param deps - the patients loader key
 */
export function createPatientResolvers({ patients }: ResolverDeps): PatientResolvers {
  return {
    // N references in one `_entities` request cost one GetPatients call.
    __resolveReference: (reference, ctx) => ctx.loaders.get(patients).load(reference.id),
    fullName: (patient) => `${patient.givenName} ${patient.familyName}`,
    sex: (patient) => graphqlSexFromProto(patient.sex),
    phone: (patient) => orNull(patient.phone),
    email: (patient) => orNull(patient.email),
    address: (patient) => orNull(patient.address),
  };
}
