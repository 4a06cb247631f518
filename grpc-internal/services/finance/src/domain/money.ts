/**
 * Money arithmetic in integer minor units (bigint), never floating point. Amounts leave the
 * system as the GraphQL `MinorUnits` scalar (an int64 decimal string), stored as BIGINT.
 * Every stored amount is kept at or below {@link MAX_AMOUNT_MINOR}, so sums over many invoices
 * (a patient's balance) stay far inside int64.
 *
 * Tax rule (documented for finance staff): each line's tax is
 * `round_half_up(lineTotal × taxRateBasisPoints / 10 000)`, computed per line; the invoice's tax
 * is the sum of its lines' taxes. A half minor unit rounds up (0.5 cent → 1 cent).
 */

/**
 * Largest amount any price or invoice total may reach: 10^15 - 1 minor units (ten trillion in a
 * two-decimal currency). The same bound is a CHECK on finance.invoices; about nine thousand such
 * invoices would still sum inside int64, and every amount stays exact as a JavaScript number.
 */
export const MAX_AMOUNT_MINOR = 999_999_999_999_999n;

/** Basis points in 100 %. */
export const BASIS_POINTS_PER_UNIT = 10_000;

/** ISO 4217 codes as written on invoices: three upper-case letters. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

/**
 * Integer division rounding half away from zero (half up for the non-negative amounts we bill).
 * @param numerator - the dividend
 * @param denominator - a positive divisor
 */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const sign = numerator < 0n ? -1n : 1n;
  const magnitude = numerator * sign;
  // bigint division truncates; adding half the divisor first turns that into rounding.
  return sign * ((magnitude * 2n + denominator) / (denominator * 2n));
}

/** The amounts of one invoice line. */
export interface LineAmounts {
  /** quantity × unit price. */
  lineTotalMinor: bigint;
  /** Tax of the line (see the rule above). */
  taxMinor: bigint;
}

/**
 * Amounts of a line.
 * @param quantity - units (1–10 000)
 * @param unitPriceMinor - price of one unit
 * @param taxRateBasisPoints - 0–10 000
 */
export function lineAmounts(quantity: number, unitPriceMinor: bigint, taxRateBasisPoints: number): LineAmounts {
  const lineTotalMinor = BigInt(quantity) * unitPriceMinor;
  const taxMinor = divideRoundHalfUp(lineTotalMinor * BigInt(taxRateBasisPoints), BigInt(BASIS_POINTS_PER_UNIT));
  return { lineTotalMinor, taxMinor };
}

/** Totals of an invoice. */
export interface InvoiceTotals {
  /** Sum of line totals. */
  subtotalMinor: bigint;
  /** Sum of line taxes. */
  taxMinor: bigint;
  /** Subtotal plus tax. */
  totalMinor: bigint;
}

/**
 * Totals of an invoice from its lines.
 * @param lines - every line's amounts
 */
export function invoiceTotals(lines: readonly LineAmounts[]): InvoiceTotals {
  const subtotalMinor = lines.reduce((sum, line) => sum + line.lineTotalMinor, 0n);
  const taxMinor = lines.reduce((sum, line) => sum + line.taxMinor, 0n);
  return { subtotalMinor, taxMinor, totalMinor: subtotalMinor + taxMinor };
}

/** True when an amount fits proto int64 and a BIGINT column (a sum of many amounts could, in principle, not). */
export { fitsInt64 } from '@hospital/service-kit';

/**
 * True when an amount is within ±{@link MAX_AMOUNT_MINOR}.
 * @param amountMinor - the amount
 */
export function fitsAmountRange(amountMinor: bigint): boolean {
  return amountMinor <= MAX_AMOUNT_MINOR && amountMinor >= -MAX_AMOUNT_MINOR;
}
