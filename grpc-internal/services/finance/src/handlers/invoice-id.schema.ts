/** Validation of IssueInvoiceRequest, VoidInvoiceRequest and GetInvoicesRequest. */
import { z } from 'zod';
import { idListSchema, uuidSchema } from '@hospital/service-kit';
import { textSchema } from './finance-fields.schema.ts';

/** An invoice to issue. */
export const issueInvoiceSchema = z.object({ id: uuidSchema });

/** A line to remove from an invoice. */
export const removeInvoiceLineSchema = z.object({ invoiceId: uuidSchema, lineId: uuidSchema });

/** An invoice to void, with the reason. */
export const voidInvoiceSchema = z.object({ id: uuidSchema, reason: textSchema('Reason', 500) });

/** Invoices to look up. */
export const getInvoicesSchema = z.object({ ids: idListSchema });
