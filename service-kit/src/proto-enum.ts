/**
 * Proto enums as a service reads them, with one policy for `…_UNSPECIFIED` (the proto3 "unset"):
 * a field that must name a value refuses it; a filter reads it (or an absent field) as "any";
 * a field whose proto documents "unset" as a value of its own (a patient's sex: not recorded)
 * reads it as that value. A value arrives as its name (`INVOICE_STATUS_PAID`), or as a number
 * when the sender used one: 0 is UNSPECIFIED, 1…n the service's names in proto order.
 */
import { z } from 'zod';

/** One proto enum: its prefix and the service's names for its values 1, 2, … in proto order. */
export interface ProtoEnum<P extends string, N extends string> {
  /** The proto names' prefix, e.g. `INVOICE_STATUS_`. */
  readonly prefix: P;
  /** The service's names (stored or domain spelling, any case), in proto number order from 1. */
  readonly names: readonly N[];
}

/** What UNSPECIFIED means for a field: refused, "any" (read as undefined), or one of the names. */
export type UnspecifiedPolicy<N extends string> = 'refuse' | 'any' | { read: N };

/**
 * Describes one proto enum.
 * @param prefix - the proto names' prefix, e.g. `PAYMENT_METHOD_`
 * @param names - the service's names for values 1, 2, … (the proto name after the prefix, in any case)
 */
export function protoEnum<P extends string, N extends string>(prefix: P, names: readonly N[]): ProtoEnum<P, N> {
  return { prefix, names };
}

/**
 * True for the proto3 "unset": absent, 0 or `<PREFIX>UNSPECIFIED`.
 * @param spec - the enum
 * @param value - the decoded value
 */
export function isUnspecifiedProto(spec: ProtoEnum<string, string>, value: string | number | undefined): boolean {
  return value === undefined || value === 0 || value === `${spec.prefix}UNSPECIFIED`;
}

/**
 * Proto → the service's name; undefined for UNSPECIFIED, a wrong prefix or a value the contract does not define.
 * @param spec - the enum
 * @param value - the decoded value (name, or number)
 */
export function fromProtoEnum<N extends string>(spec: ProtoEnum<string, N>, value: string | number | undefined): N | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? spec.names[value - 1] : undefined;
  if (typeof value !== 'string' || !value.startsWith(spec.prefix)) return undefined;
  const suffix = value.slice(spec.prefix.length);
  return spec.names.find((name) => name.toUpperCase() === suffix);
}

/**
 * The service's name → its proto name.
 * @param spec - the enum
 * @param name - one of its names
 */
export function toProtoEnum<P extends string, N extends string>(spec: ProtoEnum<P, N>, name: N): `${P}${Uppercase<N>}` {
  return `${spec.prefix}${name.toUpperCase() as Uppercase<N>}`;
}

/** How a request schema reads one enum field. */
export interface ProtoEnumSchemaOptions<N extends string, U extends UnspecifiedPolicy<N>> {
  /** What UNSPECIFIED means for this field. */
  unspecified: U;
  /** The BAD_USER_INPUT message for a value outside the enum (and, when refused, for UNSPECIFIED). */
  message: string;
}

/**
 * A zod schema for one proto enum field, to the service's name. A filter (`unspecified: 'any'`)
 * may also be absent; the other policies take the field as the proto sends it (always present).
 * @param spec - the enum
 * @param options - the UNSPECIFIED policy and the message for values outside the enum
 */
export function protoEnumSchema<P extends string, N extends string>(
  spec: ProtoEnum<P, N>,
  options: ProtoEnumSchemaOptions<N, 'any'>,
): z.ZodType<N | undefined, string | number | undefined>;
export function protoEnumSchema<P extends string, N extends string>(
  spec: ProtoEnum<P, N>,
  options: ProtoEnumSchemaOptions<N, 'refuse' | { read: N }>,
): z.ZodType<N, string | number>;
export function protoEnumSchema<P extends string, N extends string>(
  spec: ProtoEnum<P, N>,
  options: ProtoEnumSchemaOptions<N, UnspecifiedPolicy<N>>,
): z.ZodType<N | undefined, string | number | undefined> {
  const { unspecified, message } = options;
  const read = (value: string | number, ctx: z.core.$RefinementCtx): N | undefined => {
    if (unspecified !== 'refuse' && isUnspecifiedProto(spec, value)) return unspecified === 'any' ? undefined : unspecified.read;
    const name = fromProtoEnum(spec, value);
    if (name === undefined) {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    }
    return name;
  };
  const value = z.union([z.string(), z.number()]);
  return unspecified === 'any' ? value.default(`${spec.prefix}UNSPECIFIED`).transform(read) : value.transform(read);
}
