/**
 * The `MinorUnits` scalar: every amount of money in the API, as integer minor units (cents)
 * written as a decimal string. GraphQL's `Int` is 32-bit, so two large invoices once overflowed a
 * patient's balance and nulled a whole list; gRPC carries int64 as strings (`--longs=String`) and
 * PostgreSQL stores BIGINT, so a string of any 64-bit integer goes end to end without loss. Each
 * department still refuses amounts beyond its own business limit, with a message naming the field.
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { fitsInt64 } from '@hospital/service-kit';

// The bounds live in the service kit (one place for them); re-exported for the scalar's users.
export { INT64_MAX, INT64_MIN } from '@hospital/service-kit';

const INTEGER_TEXT = /^-?\d{1,19}$/;

/**
 * An amount as a canonical decimal string ("-0012" → "-12"), or undefined when it is not an
 * integer within int64. Accepts a decimal string, a safe-integer number or a bigint.
 * @param value - what was sent or returned
 */
export function toMinorUnits(value: unknown): string | undefined {
  let amount: bigint;
  if (typeof value === 'bigint') amount = value;
  else if (typeof value === 'number' && Number.isSafeInteger(value)) amount = BigInt(value);
  else if (typeof value === 'string' && INTEGER_TEXT.test(value)) amount = BigInt(value);
  else return undefined;
  return fitsInt64(amount) ? amount.toString() : undefined;
}

function parseInput(value: unknown): string {
  const amount = toMinorUnits(value);
  if (amount === undefined) {
    throw new GraphQLError('MinorUnits must be a whole number of minor units written as a string, for example "1250" for 12.50, within a 64-bit integer.', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return amount;
}

function literal(ast: ValueNode): unknown {
  // A client may write a small amount as an Int literal; it is read as the same digits.
  return ast.kind === Kind.STRING || ast.kind === Kind.INT ? ast.value : undefined;
}

/** `MinorUnits`: int64 minor units as a decimal string, in and out. Invalid input is BAD_USER_INPUT. */
export const MinorUnitsScalar = new GraphQLScalarType<string, string>({
  name: 'MinorUnits',
  description: 'An amount in integer minor units (cents) as a decimal string, for example "1250" for 12.50; any 64-bit integer. Never a float.',
  serialize(value) {
    const amount = toMinorUnits(value);
    // A service sending a malformed amount is our bug, not the client's: let it surface as internal.
    if (amount === undefined) throw new Error('MinorUnits cannot represent this value');
    return amount;
  },
  parseValue: parseInput,
  parseLiteral: (ast) => parseInput(literal(ast)),
});
