/**
 * Money in the UI: the API carries integer minor units (never floats), so amounts are formatted
 * and parsed here with the currency's own number of decimals (EUR 2, JPY 0, KWD 3).
 */

/** An amount as the API returns it. */
export interface MoneyValue {
  amountMinor: number;
  currency: string;
}

/** Decimals of a currency, from the browser's ISO 4217 data (2 when unknown). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** "€12.50" style text for an amount in minor units. */
export function formatMoney(money: MoneyValue): string {
  const digits = minorDigits(money.currency);
  const major = money.amountMinor / 10 ** digits;
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: money.currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(major);
  } catch {
    return `${major.toFixed(digits)} ${money.currency}`;
  }
}

/**
 * Parses what a person types ("12", "12.5", "12,50") into minor units without floating point,
 * so 0.1 + 0.2 style rounding can never change an amount. Returns null for anything else.
 */
export function parseMoneyInput(text: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const match = /^\s*(\d{1,9})(?:[.,](\d*))?\s*$/.exec(text);
  if (!match) return null;
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  return Number.isSafeInteger(minor) && minor <= 2_147_483_647 ? minor : null;
}

/** Minor units back to the plain text a form field shows ("12.50"). */
export function minorToInput(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  return (amountMinor / 10 ** digits).toFixed(digits);
}
