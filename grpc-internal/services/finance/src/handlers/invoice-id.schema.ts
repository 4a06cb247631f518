/** Validation of IssueInvoiceRequest, VoidInvoiceRequest and GetInvoicesRequest. */
import { z } from 'zod';
import { idListSchema, requiredTextSchema, uuidSchema } from '@hospital/service-kit';

/** An invoice to issue. */
export const issueInvoiceSchema = z.object({ id: uuidSchema });

/** A line to remove from an invoice. */
export const removeInvoiceLineSchema = z.object({ invoiceId: uuidSchema, lineId: uuidSchema });

/** An invoice to void, with the reason. */
export const voidInvoiceSchema = z.object({ id: uuidSchema, reason: requiredTextSchema('Reason', 500) });

/** Invoices to look up. */
export const getInvoicesSchema = z.object({ ids: idListSchema });
