/**
 * Money in the UI: the API carries integer minor units as a decimal string (the `MinorUnits`
 * scalar, any 64-bit integer), so amounts are handled as bigint and decimal text here, never as
 * floating point, with the currency's own number of decimals (EUR 2, JPY 0, KWD 3).
 */

/** An amount as the API returns it. */
export interface MoneyValue {
  /** Minor units as a decimal string ("1250" for 12.50). */
  amountMinor: string;
  currency: string;
}

/** Most whole (major) digits a person may type; the API refuses amounts beyond its own limit. */
const MAX_WHOLE_DIGITS = 15;

/** Decimals of a currency, from the browser's ISO 4217 data (2 when unknown). */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Minor units as exact decimal text in major units ("-1250" → "-12.50" for EUR). */
function toDecimalText(amountMinor: string, digits: number): `${number}` {
  const minor = BigInt(amountMinor);
  const magnitude = minor < 0n ? -minor : minor;
  const scale = 10n ** BigInt(digits);
  const whole = (magnitude / scale).toString();
  const fraction = digits > 0 ? `.${(magnitude % scale).toString().padStart(digits, '0')}` : '';
  return `${minor < 0n ? '-' : ''}${whole}${fraction}` as `${number}`;
}

/** "€12.50" style text for an amount in minor units, exact for any 64-bit amount. */
export function formatMoney(money: MoneyValue): string {
  const digits = minorDigits(money.currency);
  const text = toDecimalText(money.amountMinor, digits);
  try {
    // Intl formats a decimal string exactly (no detour through a float).
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: money.currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(text);
  } catch {
    return `${text} ${money.currency}`;
  }
}

/**
 * Parses what a person types ("12", "12.5", "12,50") into minor units (a decimal string) without
 * floating point, so 0.1 + 0.2 style rounding can never change an amount. Returns null for anything else.
 */
export function parseMoneyInput(text: string, currency: string): string | null {
  const digits = minorDigits(currency);
  const match = new RegExp(`^\\s*(\\d{1,${MAX_WHOLE_DIGITS}})(?:[.,](\\d*))?\\s*$`).exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return null;
  return (BigInt(match[1] ?? '0') * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0')).toString();
}

/** Minor units back to the plain text a form field shows ("12.50"). */
export function minorToInput(amountMinor: string, currency: string): string {
  return toDecimalText(amountMinor, minorDigits(currency));
}

/** a − b in minor units, exactly. */
export function subtractMinor(a: string, b: string): string {
  return (BigInt(a) - BigInt(b)).toString();
}

/** Orders two amounts in minor units: negative when a < b, 0 when equal, positive when a > b. */
export function compareMinor(a: string, b: string): number {
  const difference = BigInt(a) - BigInt(b);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}
