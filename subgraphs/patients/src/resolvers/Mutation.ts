/** Mutation fields of the patients subgraph: registration, updates, archiving. */
import { GraphQLError } from 'graphql';
import { callGrpc, requestCallOptions } from '@hospital/subgraph-kit';
import type { PatientsClient } from '@hospital/grpc-contracts';
import type { MutationResolvers, UpdatePatientInput } from '../__generated__/resolvers-types.ts';
import type { ResolverDeps } from './deps.ts';
import { protoSexFromGraphql } from './sex.ts';

type UpdateRequest = Parameters<PatientsClient['updatePatient']>[0];

/** Fields a patient always has: null cannot clear them. */
const REQUIRED_FIELDS = ['givenName', 'familyName', 'dateOfBirth', 'sex'] as const;

/**
 * GraphQL update → proto update. Left-out fields stay unset (unchanged); `null` clears the
 * optional contact fields; `allergies` replaces the list when given.
 * @param id - the patient
 * @param input - the changes
 */
export function toUpdateRequest(id: string, input: UpdatePatientInput): UpdateRequest {
  for (const field of REQUIRED_FIELDS) {
    if (input[field] === null) throw new GraphQLError(`${field} cannot be cleared.`, { extensions: { code: 'BAD_USER_INPUT', field } });
  }
  const { givenName, familyName, dateOfBirth, sex, phone, email, address, allergies } = input;
  return {
    id,
    // undefined leaves a field unset on the wire (unchanged); '' clears a contact field.
    givenName: givenName ?? undefined,
    familyName: familyName ?? undefined,
    dateOfBirth: dateOfBirth ?? undefined,
    sex: sex == null ? undefined : protoSexFromGraphql(sex),
    phone: phone === null ? '' : phone,
    email: email === null ? '' : email,
    address: address === null ? '' : address,
    allergies: allergies ?? undefined,
    setAllergies: allergies != null,
  };
}

/**
 * Mutation resolvers.
 * @param deps - the patients client
 */
export function createMutationResolvers({ client }: ResolverDeps): MutationResolvers {
  return {
    registerPatient: (_parent, { input }, ctx) =>
      callGrpc(
        client.registerPatient(
          {
            givenName: input.givenName,
            familyName: input.familyName,
            dateOfBirth: input.dateOfBirth,
            sex: protoSexFromGraphql(input.sex ?? 'UNKNOWN'),
            phone: input.phone ?? '',
            email: input.email ?? '',
            address: input.address ?? '',
            allergies: input.allergies ?? [],
            allowPossibleDuplicate: input.allowPossibleDuplicate ?? false,
          },
          requestCallOptions(ctx),
        ),
      ),
    updatePatient: (_parent, { id, input }, ctx) => callGrpc(client.updatePatient(toUpdateRequest(id, input), requestCallOptions(ctx))),
    archivePatient: (_parent, { id }, ctx) => callGrpc(client.archivePatient({ id }, requestCallOptions(ctx))),
  };
}
