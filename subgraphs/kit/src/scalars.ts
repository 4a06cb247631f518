/**
 * The `DateTime` and `Date` scalars. Both travel as strings end to end (gRPC carries RFC 3339 and
 * YYYY-MM-DD strings), so the scalars validate and normalise rather than convert to `Date` objects.
 */
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { isCalendarDate } from '@hospital/service-kit';

export { isCalendarDate };

const DATE_TIME_PATTERN = /^(\d{4}-\d{2}-\d{2})[Tt]([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,9})?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * Parses an RFC 3339 timestamp into the UTC form the API returns (`2026-11-24T09:30:00.000Z`);
 * undefined when it is not one.
 * @param value - the text to parse
 */
export function normalizeDateTime(value: string): string | undefined {
  const match = DATE_TIME_PATTERN.exec(value);
  if (!match?.[1] || !isCalendarDate(match[1])) return undefined;
  const millis = Date.parse(value.toUpperCase());
  return Number.isNaN(millis) ? undefined : new Date(millis).toISOString();
}

function parseDateTimeInput(value: unknown): string {
  const normalized = typeof value === 'string' ? normalizeDateTime(value) : undefined;
  if (!normalized) throw badInput('DateTime must be an RFC 3339 timestamp, for example 2026-11-24T09:30:00Z.');
  return normalized;
}

function parseDateInput(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) throw badInput('Date must be a calendar date written YYYY-MM-DD.');
  return value;
}

function literal(ast: ValueNode): unknown {
  return ast.kind === Kind.STRING ? ast.value : undefined;
}

/** `DateTime`: RFC 3339 in, UTC ISO 8601 out. Invalid input is BAD_USER_INPUT. */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An instant in time, RFC 3339 in UTC, for example 2026-11-24T09:30:00.000Z.',
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    const normalized = typeof value === 'string' ? normalizeDateTime(value) : undefined;
    // A service sending a malformed time is our bug, not the client's: let it surface as internal.
    if (!normalized) throw new Error('DateTime cannot represent this value');
    return normalized;
  },
  parseValue: parseDateTimeInput,
  parseLiteral: (ast) => parseDateTimeInput(literal(ast)),
});

/** `Date`: a real calendar date, YYYY-MM-DD. Invalid input is BAD_USER_INPUT. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize(value) {
    if (typeof value !== 'string' || !isCalendarDate(value)) throw new Error('Date cannot represent this value');
    return value;
  },
  parseValue: parseDateInput,
  parseLiteral: (ast) => parseDateInput(literal(ast)),
});
