/** What a person types for an invoice line, checked before it is sent (money and rates in words people use). */
import { z } from 'zod';
import { parseMoneyInput } from '../shared/money.ts';

/** A tax rate typed in percent ("20", "7.5") as basis points; null when not a rate 0–100 with at most 2 decimals. */
export function percentToBasisPoints(text: string): number | null {
  const match = /^\s*(\d{1,3})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  const points = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0') || '0');
  return points <= 10_000 ? points : null;
}

/** Basis points as the percent text a field shows (2000 → "20"). */
export function basisPointsToPercent(points: number): string {
  return (points / 100).toString();
}

/**
 * The line form's fields, checked like the API checks them (code 1–32 of letters, digits . _ / -;
 * description 1–200; quantity 1–10 000) with the price in the invoice's currency.
 * @param currency - the invoice's currency, for the price
 */
export function lineInputSchema(currency: string) {
  return z.object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._/-]{1,32}$/, 'Enter a service code of up to 32 letters, digits or . _ / -'),
    description: z.string().trim().min(1, 'Describe the service.').max(200, 'At most 200 characters.'),
    quantity: z
      .string()
      .regex(/^\d{1,5}$/, 'Enter a whole number of units.')
      .transform(Number)
      .pipe(z.number().min(1, 'At least 1 unit.').max(10_000, 'At most 10 000 units.')),
    unitPrice: z.string().transform((text, ctx) => {
      const minor = parseMoneyInput(text, currency);
      if (minor === null) {
        ctx.addIssue({ code: 'custom', message: `Enter a price in ${currency}, like 45.00.` });
        return z.NEVER;
      }
      return { amountMinor: minor, currency };
    }),
    taxRate: z.string().transform((text, ctx) => {
      const points = percentToBasisPoints(text === '' ? '0' : text);
      if (points === null) {
        ctx.addIssue({ code: 'custom', message: 'Enter a tax rate from 0 to 100 %.' });
        return z.NEVER;
      }
      return points;
    }),
  });
}
