/**
 * Invoice numbers: INV-<year>-<six-digit sequence>, unique and gapless per year. The sequence
 * comes from a counter row per year incremented inside the issuing transaction; this file only
 * decides the year and the printed form.
 */

/** Digits of the sequence part (more are printed once a year passes 999 999 invoices). */
const SEQUENCE_DIGITS = 6;

/**
 * The numbering year of an invoice issued at an instant: the calendar year in UTC, so every
 * service instance agrees whatever its local time zone.
 * @param issuedAt - the issue instant
 */
export function numberingYear(issuedAt: Date): number {
  return issuedAt.getUTCFullYear();
}

/**
 * The printed number, e.g. INV-2026-000042.
 * @param year - numbering year
 * @param sequence - position in the year, from 1
 */
export function formatInvoiceNumber(year: number, sequence: number): string {
  return `INV-${year}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}
