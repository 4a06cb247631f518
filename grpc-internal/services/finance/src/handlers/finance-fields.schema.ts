/**
 * Field rules shared by the finance requests. Money arrives as proto Money (int64 as a decimal
 * string) and leaves validation as bigint minor units; free text is trimmed and refused when it
 * carries control characters (they break printed invoices and CSV exports).
 */
import { z } from 'zod';
import { protoEnumSchema, uuidSchema } from '@hospital/service-kit';
import { INVOICE_STATUS_ENUM, PAYMENT_METHOD_ENUM } from '../domain/invoice-status.ts';
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
export const paymentMethodSchema = protoEnumSchema(PAYMENT_METHOD_ENUM, {
  unspecified: 'refuse',
  message: 'Choose a payment method: CASH, CARD, BANK_TRANSFER or INSURANCE.',
});

/** A status filter; UNSPECIFIED means any (undefined). */
export const statusFilterSchema = protoEnumSchema(INVOICE_STATUS_ENUM, { unspecified: 'any', message: 'Unknown invoice status.' });
