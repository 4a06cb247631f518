/**
 * Idempotency keys for money-moving forms: one key per filled-in form, kept across retries and
 * double clicks so the server applies the payment once, and replaced after success or an edit.
 */

/** A random UUID; falls back to getRandomValues where randomUUID is missing (non-secure origins). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  // RFC 4122 version 4 / variant bits, so the key still reads as a UUID in the ledger.
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
