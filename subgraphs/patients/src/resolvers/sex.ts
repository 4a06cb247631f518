/** `Sex` in its two spellings: GraphQL `FEMALE`, proto `SEX_FEMALE`. */
import type { Patient__Output } from '@hospital/grpc-contracts';
import { enumFromProto, enumToProto } from '@hospital/subgraph-kit';
import type { Sex } from '../__generated__/resolvers-types.ts';

/** The proto enum value, as the promise client returns it. */
export type ProtoSex = Patient__Output['sex'];

/**
 * Proto → GraphQL. The service sends SEX_UNKNOWN for "not recorded"; UNSPECIFIED is its bug (INTERNAL).
 * @param sex - proto enum value
 */
export function graphqlSexFromProto(sex: ProtoSex): Sex {
  return enumFromProto<Sex>(sex, 'SEX_');
}

/**
 * GraphQL → proto.
 * @param sex - GraphQL enum value
 */
export function protoSexFromGraphql(sex: Sex): ProtoSex {
  return enumToProto('SEX_', sex);
}
