/** Sex in its two spellings: proto enums (SEX_FEMALE) on the wire, lower-case names in the database. */

/** Values the database stores. */
export const SEXES = ['female', 'male', 'other', 'unknown'] as const;
/** A stored sex. */
export type SexName = (typeof SEXES)[number];

const PREFIX = 'SEX_';

/**
 * The stored value for a proto enum; SEX_UNSPECIFIED means "not recorded", stored as unknown.
 * @param sex - the decoded enum (a number when the sender used a value we do not know)
 * @returns undefined for values no version of the contract defines
 */
export function sexFromProto(sex: string | number | undefined): SexName | undefined {
  if (sex === undefined || sex === 'SEX_UNSPECIFIED' || sex === 0) return 'unknown';
  if (typeof sex !== 'string' || !sex.startsWith(PREFIX)) return undefined;
  const name = sex.slice(PREFIX.length).toLowerCase();
  return (SEXES as readonly string[]).includes(name) ? (name as SexName) : undefined;
}

/**
 * The proto enum name of a stored value.
 * @param sex - stored value
 */
export function sexToProto(sex: SexName): 'SEX_FEMALE' | 'SEX_MALE' | 'SEX_OTHER' | 'SEX_UNKNOWN' {
  return `${PREFIX}${sex.toUpperCase()}` as ReturnType<typeof sexToProto>;
}
