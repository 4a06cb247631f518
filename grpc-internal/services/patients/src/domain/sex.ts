/** Sex in its two spellings: proto enums (SEX_FEMALE) on the wire, lower-case names in the database. */
import { fromProtoEnum, isUnspecifiedProto, protoEnum, toProtoEnum } from '@hospital/service-kit';

/** Values the database stores. */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
/** A stored sex. */
export type SexName = (typeof SEXES)[number];

/** The proto enum Sex. */
export const SEX_ENUM = protoEnum('SEX_', SEXES);

/**
 * The stored value for a proto enum; SEX_UNSPECIFIED means "not recorded", stored as unknown.
 * @param sex - the decoded enum (a number when the sender used a value we do not know)
 * @returns undefined for values no version of the contract defines
 */
export function sexFromProto(sex: string | number | undefined): SexName | undefined {
  return isUnspecifiedProto(SEX_ENUM, sex) ? 'unknown' : fromProtoEnum(SEX_ENUM, sex);
}

/**
 * The proto enum name of a stored value.
 * @param sex - stored value
 */
export function sexToProto(sex: SexName): 'SEX_FEMALE' | 'SEX_MALE' | 'SEX_OTHER' | 'SEX_UNKNOWN' {
  return toProtoEnum(SEX_ENUM, sex);
}
