/**
 * Dates and enum values as people read them. The API speaks RFC 3339 instants and upper-case
 * enum names; the dashboards show local times and "Partially paid".
 */

/** "24 Nov 2026, 09:30" in the browser's locale and time zone; "—" when missing. */
export function formatDateTime(instant: string | null | undefined): string {
  if (!instant) return '—';
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? '—' : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A calendar date (YYYY-MM-DD) as "24 Nov 2026", without shifting it through a time zone. */
export function formatDate(day: string | null | undefined): string {
  if (!day) return '—';
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString(undefined, { dateStyle: 'medium', timeZone: 'UTC' });
}

/** An enum value as words: PARTIALLY_PAID → "Partially paid". */
export function enumLabel(value: string): string {
  const words = value.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `{ value, label }` options for a select, from an enum's values. */
export function enumOptions<T extends string>(values: readonly T[]): Array<{ value: T; label: string }> {
  return values.map((value) => ({ value, label: enumLabel(value) }));
}

/** Today's date (local) as YYYY-MM-DD, the value format of `<input type="date">`. */
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
