/**
 * Enum values as people read them: the API speaks upper-case enum names, the dashboards show
 * "Partially paid". Dates and times: time/hospital-time.ts.
 */

/** An enum value as words: PARTIALLY_PAID → "Partially paid". */
export function enumLabel(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `{ value, label }` options for a select, from an enum's values. */
export function enumOptions<T extends string>(values: readonly T[]): Array<{ value: T; label: string }> {
  return values.map((value) => ({ value, label: enumLabel(value) }));
}
