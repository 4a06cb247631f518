/**
 * The one rule for control characters (Unicode Cc: C0, DEL and C1) in text the system stores,
 * prints or records: PostgreSQL refuses NUL in text outright (a masked 500, not bad input), and
 * the others break printed wristbands, labels, bed boards and CSV exports. Services check fields
 * with these patterns (through service-kit's validation), the browser form of a shared schema
 * with the same ones, and the router cleans the client-chosen text it reports to the audit trail
 * with {@link printableText}. No runtime dependency, so the browser bundle can import it as
 * `@hospital/grpc-contracts/text`.
 */

/** Text with no control characters at all (names, codes, one-line fields, audit text). */
export const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;

/** Text that may span lines: tab, line feed and carriage return are the only control characters it may hold. */
export const NO_CONTROL_CHARACTERS_MULTILINE = /^(?:[^\p{Cc}]|[\t\n\r])*$/u;

/**
 * Client-chosen text made acceptable to {@link NO_CONTROL_CHARACTERS}: every control character
 * becomes a space, and the text is cut to `max` characters.
 * @param value - the text as the client sent it (absent reads as empty)
 * @param max - the most characters kept
 */
export function printableText(value: string | undefined, max: number): string {
  return (value ?? '').replace(/\p{Cc}/gu, ' ').slice(0, max);
}
