/**
 * Keeping recipient data out of logs and the delivery log: masked addresses for operators, and
 * error texts scrubbed of addresses and numbers (SMTP servers echo the recipient in refusals).
 */

/**
 * "ada.lovelace@example.org" → "a***@example.org": enough to tell two addresses apart.
 * @param email - an email address
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/**
 * "+44 20 7946 0123" → "******0123": the last four digits only.
 * @param phone - a phone number in any format
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length <= 4) return '****';
  return `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
}

const EMAIL_PATTERN = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g;
// Digit runs with phone separators; replaced only from 8 digits on, so status codes
// ("550 5.1.1") and ports stay readable.
const NUMBER_PATTERN = /\+?\d[\d\s()-]*\d/g;
const MIN_PHONE_DIGITS = 8;
/** Longest error text kept. */
export const MAX_ERROR_LENGTH = 300;

/**
 * A failure as it may be stored and shown to operators: the error code, the SMTP response code,
 * and the message with addresses and long numbers removed, truncated.
 * @param error - what the channel threw
 */
export function describeDeliveryError(error: unknown): string {
  const record = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const message = error instanceof Error ? error.message : String(error);
  const prefix = [record['code'], record['responseCode']].filter((v) => typeof v === 'string' || typeof v === 'number').join(' ');
  const scrubbed = message
    .replace(EMAIL_PATTERN, '<address>')
    .replace(NUMBER_PATTERN, (run) => (run.replace(/\D/g, '').length >= MIN_PHONE_DIGITS ? '<number>' : run))
    .replace(/\s+/g, ' ')
    .trim();
  const text = prefix ? `${prefix}: ${scrubbed}` : scrubbed;
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text || 'unknown error';
}
