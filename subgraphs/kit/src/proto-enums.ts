/**
 * Proto ↔ GraphQL enum spellings (`APPOINTMENT_STATUS_CHECKED_IN` ↔ `CHECKED_IN`), with one policy
 * for `…_UNSPECIFIED`, the proto3 "unset":
 * - service → API: UNSPECIFIED (or a value outside the enum) is the service breaking its contract;
 *   the field fails with a typed INTERNAL_SERVER_ERROR (masked and logged), never a guessed default.
 *   Only a field whose proto documents "unset" as "none" reads it as null ({@link optionalEnumFromProto}).
 * - API → service: a GraphQL value always names a real proto value; only an absent optional
 *   filter is sent as UNSPECIFIED, the proto default meaning "any" ({@link protoFilter}).
 */
import { GraphQLError } from 'graphql';

/** A proto enum value outside the contract (UNSPECIFIED, wrong prefix, unknown name): a service bug. */
export class UnexpectedProtoEnum extends GraphQLError {
  /** @param value - what the service sent */
  constructor(readonly value: string) {
    super(`Unexpected enum value from service: ${value}`, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }
}

const UNSPECIFIED = 'UNSPECIFIED';

/**
 * Proto → GraphQL for a value the service always sets.
 * @param value - the proto enum value (string spelling)
 * @param prefix - the proto enum's prefix, e.g. `APPOINTMENT_STATUS_`
 * @param allowed - the GraphQL values, when the two enums may differ (else any name after the prefix)
 * @throws UnexpectedProtoEnum for UNSPECIFIED or anything outside the enum
 */
export function enumFromProto<T extends string>(value: string, prefix: string, allowed?: readonly T[]): T {
  const name = String(value).startsWith(prefix) ? String(value).slice(prefix.length) : undefined;
  if (!name || name === UNSPECIFIED || (allowed && !(allowed as readonly string[]).includes(name))) throw new UnexpectedProtoEnum(String(value));
  return name as T;
}

/**
 * Proto → GraphQL for a field whose proto documents UNSPECIFIED as "none" (e.g. a booking's previous status): null then.
 * @param value - the proto enum value
 * @param prefix - the proto enum's prefix
 * @param allowed - the GraphQL values, if they may differ
 */
export function optionalEnumFromProto<T extends string>(value: string, prefix: string, allowed?: readonly T[]): T | null {
  return value === `${prefix}${UNSPECIFIED}` ? null : enumFromProto(value, prefix, allowed);
}

/**
 * GraphQL → proto: the same name with the proto prefix (never UNSPECIFIED).
 * @param prefix - the proto enum's prefix
 * @param value - the GraphQL enum value
 */
export function enumToProto<P extends string, T extends string>(prefix: P, value: T): `${P}${T}` {
  return `${prefix}${value}`;
}

/**
 * GraphQL → proto for an optional filter: the value's proto spelling, or UNSPECIFIED ("any") when absent.
 * @param prefix - the proto enum's prefix
 * @param value - the GraphQL filter, if any
 */
export function protoFilter<P extends string, T extends string>(prefix: P, value: T | null | undefined): `${P}${T}` | `${P}UNSPECIFIED` {
  return value ? enumToProto(prefix, value) : `${prefix}${UNSPECIFIED}`;
}
