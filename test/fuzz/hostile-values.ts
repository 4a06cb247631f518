/**
 * Hostile values for the fuzz suites: strings that break parsers, databases and logs (injection,
 * LIKE wildcards, control characters, lone surrogates, NUL, RTL overrides, huge inputs), numbers
 * at and past every boundary, and ids and dates that are almost right.
 */
import fc from 'fast-check';

/** Payloads aimed at SQL, LIKE, regexes, templates, shells and paths. */
export const INJECTIONS: readonly string[] = [
  "'; DROP TABLE patients; --",
  "Robert'); DROP TABLE students;--",
  "' OR '1'='1",
  "' OR 1=1 --",
  '" OR ""="',
  '1; SELECT pg_sleep(5)',
  "'||(SELECT version())||'",
  '$1',
  '%',
  '%%',
  '_',
  '__',
  '\\',
  '\\%',
  '\\_',
  '%_%',
  'a%',
  '_a',
  '.*',
  '(a+)+$',
  '[',
  '^$',
  '${7*7}',
  '{{7*7}}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  '`id`',
  '$(id)',
  'null',
  'undefined',
  'NaN',
  '-Infinity',
  '1e309',
  '0x1F',
  '__proto__',
  'constructor',
  'mrn-%',
  'mrn-_',
  "MRN-' OR 1=1",
  '2024-02-30',
  '0000-00-00',
  '9999-12-31',
];

/** Unicode and byte-level oddities. */
export const ODDITIES: readonly string[] = [
  '',
  ' ',
  '   \t\n\r  ',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m',
  '\uD800',
  '\uDFFF',
  'a\uD83Db',
  '\uFEFF',
  '\u200B\u200C\u200D',
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  'שלום',
  '🧑‍⚕️👩🏽‍🔬🏥',
  'Z̷̧̛̮̗̦̓͂a̶͉̓l̸̰̈g̵̣͝o̸̜͝',
  'İıŞş',
  'ß',
  'ﬃ',
  'Ω≈ç√∫',
  '\u00A0',
  '\u2028\u2029',
];

/** Strings of printable and control ASCII, any code point, or whole graphemes. */
const randomText = fc.oneof(fc.string({ unit: 'binary-ascii', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));

/** A long string (up to 100 k characters): one repeated unit, so it costs nothing to generate. */
export const hugeString = fc
  .tuple(fc.constantFrom('A', 'é', '🏥', '%', "'", '\u0000', 'ab '), fc.integer({ min: 1_000, max: 100_000 }))
  .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)));

/** Any hostile string. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...INJECTIONS), weight: 4 },
  { arbitrary: fc.constantFrom(...ODDITIES), weight: 3 },
  { arbitrary: randomText, weight: 3 },
  { arbitrary: fc.tuple(fc.constantFrom(...INJECTIONS, ...ODDITIES), randomText).map(([a, b]) => a + b), weight: 2 },
  { arbitrary: hugeString, weight: 1 },
);

/** Ordinary values, so some requests get past validation into the rules behind it. */
export const plausibleText: fc.Arbitrary<string> = fc.constantFrom(
  'Ada',
  'Lovelace',
  'observation',
  '1 tablet',
  'twice daily',
  'General Medicine',
  'B12',
  'CARD',
  'L-2024-001',
  'Consultation',
  'patient request',
);

/** Integers at and past the int32 / safe-integer edges, plus any integer. */
export const hostileInt: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, 1, 2, 100, 101, 1_000_000, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 32, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER),
  fc.integer(),
  fc.integer({ min: -1_000, max: 1_000 }),
);

/** Numbers a JSON client may send where an integer is expected (NaN and Infinity serialize as null). */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(hostileInt, fc.double(), fc.constantFrom(0.5, -0.0, 1e21, 1e-7, 2 ** 53 + 1));

/** Decimal strings for int64 fields (proto longs as strings), in and far out of range. */
export const hostileLongString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('0', '-1', '1', '9223372036854775807', '-9223372036854775808', '4294967296', '99999999999'),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String),
);

/** Identifiers: well-formed but unknown UUIDs, almost-UUIDs and garbage. */
export const hostileId: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.uuid(), weight: 3 },
  { arbitrary: fc.constantFrom('00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff', '1', '-1', 'abc', 'MRN-000001'), weight: 2 },
  { arbitrary: fc.uuid().map((u) => u.toUpperCase()), weight: 1 },
  { arbitrary: fc.uuid().map((u) => `${u}'--`), weight: 1 },
  { arbitrary: fc.uuid().map((u) => u.replace(/-/g, '')), weight: 1 },
  { arbitrary: hostileString, weight: 3 },
);

/** Dates and instants: valid, impossible, out of range and not dates at all. */
export const hostileDate: fc.Arbitrary<string> = fc.oneof(
  fc.date({ min: new Date('1800-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ min: new Date('1800-01-01'), max: new Date('2200-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom(
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '0000-01-01',
    '-000001-01-01T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    '2024-01-01T25:61:00Z',
    '2024-01-01T10:00:00+99:00',
    '1970-01-01T00:00:00Z',
    'today',
    '1e10',
    '',
  ),
  hostileString,
);

/** Any JSON value: what a client sends when it ignores the declared type entirely. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(null, true, false, 0, '', [], {}, [null], JSON.parse('{"__proto__":{"role":"admin"}}')),
);
