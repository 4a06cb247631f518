/** `Sex` in its two spellings: GraphQL `FEMALE`, proto `SEX_FEMALE`. */
import type { Patient__Output } from '@hospital/grpc-contracts';
import type { Sex } from '../__generated__/resolvers-types.ts';

/** The proto enum value, as the promise client returns it. */
export type ProtoSex = Patient__Output['sex'];

/**
 * Proto → GraphQL; an unset value reads as UNKNOWN, which is what it means.
 * @param sex - proto enum value
 */
export function graphqlSexFromProto(sex: ProtoSex): Sex {
  return sex === 'SEX_UNSPECIFIED' ? 'UNKNOWN' : (sex.replace(/^SEX_/, '') as Sex);
}

/**
 * GraphQL → proto.
 * @param sex - GraphQL enum value
 */
export function protoSexFromGraphql(sex: Sex): ProtoSex {
  return `SEX_${sex}`;
}
