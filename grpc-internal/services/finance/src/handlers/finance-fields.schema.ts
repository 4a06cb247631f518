/**
 * Field rules shared by the finance requests. Money arrives as proto Money (int64 as a decimal
 * string) and leaves validation as bigint minor units; free text is trimmed and refused when it
 * carries control characters (they break printed invoices and CSV exports).
 */
import { z } from 'zod';
import { uuidSchema } from '@hospital/service-kit';
import { methodFromProto, statusFromProto } from '../domain/invoice-status.ts';
import { CURRENCY_PATTERN, MAX_AMOUNT_MINOR } from '../domain/money.ts';

/** An optional UUID: proto3 sends '' for "none", stored as null. */
export const optionalUuidSchema = z
  .string()
  .trim()
  .transform((value) => (value === '' ? null : value))
  .pipe(z.union([z.null(), uuidSchema]));

/** An ISO 4217 currency code as written on invoices. */
export const currencySchema = z.string().trim().regex(CURRENCY_PATTERN, 'Currency must be an ISO 4217 code: three upper-case letters, for example EUR.');

/** A validated amount. */
export interface MoneyValue {
  /** Minor units. */
  amountMinor: bigint;
  /** ISO 4217 code. */
  currency: string;
}

/**
 * Proto Money → bigint amount and currency, within 0 … 2^31 - 1 (or 1 … when `positive`).
 * @param label - how the message names the field
 * @param options - whether zero is refused
 */
export const moneySchema = (label: string, options: { positive: boolean }) =>
  z
    .object(
      {
        amountMinor: z
          .string()
          .regex(/^-?\d{1,19}$/, `${label} must be a whole number of minor units.`)
          .transform((value) => BigInt(value))
          .refine((value) => value >= (options.positive ? 1n : 0n), `${label} must be ${options.positive ? 'more than zero' : 'zero or more'}.`)
          .refine((value) => value <= MAX_AMOUNT_MINOR, `${label} must be at most ${MAX_AMOUNT_MINOR} minor units.`),
        currency: currencySchema,
      },
      // proto3 leaves an unset message null.
      { error: `${label} is required.` },
    )
    .transform((money): MoneyValue => money);

/** A payment method; UNSPECIFIED is refused. */
export const paymentMethodSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const method = methodFromProto(value);
  if (!method) {
    ctx.addIssue({ code: 'custom', message: 'Choose a payment method: CASH, CARD, BANK_TRANSFER or INSURANCE.' });
    return z.NEVER;
  }
  return method;
});

/** A status filter; UNSPECIFIED means any (undefined). */
export const statusFilterSchema = z
  .union([z.string(), z.number()])
  .default('INVOICE_STATUS_UNSPECIFIED')
  .transform((value, ctx) => {
    if (value === 'INVOICE_STATUS_UNSPECIFIED' || value === 0) return undefined;
    const status = statusFromProto(value);
    if (!status) {
      ctx.addIssue({ code: 'custom', message: 'Unknown invoice status.' });
      return z.NEVER;
    }
    return status;
  });
