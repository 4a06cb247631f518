/** ListInvoices: newest first, filtered by status and patient, a page at a time. */
import type { ListInvoicesRequest__Output, ListInvoicesResponse } from '@hospital/grpc-contracts';
import { decodeCursor, encodeCursor, invalidInput, pageSize, parseRequest, uuidSchema } from '@hospital/service-kit';
import type { FinanceDeps } from '../finance-deps.ts';
import type { InvoicePosition, InvoiceRecord } from '../repositories/invoice-repository.ts';
import { listInvoicesSchema } from './list.schema.ts';
import { toProtoInvoice } from './to-proto-invoice.ts';

function cursorOf(invoice: InvoiceRecord): string {
  return encodeCursor([invoice.createdAt.toISOString(), invoice.id]);
}

function positionFrom(cursor: string): InvoicePosition | undefined {
  if (!cursor) return undefined;
  const [createdAt, id] = decodeCursor(cursor, 2);
  const instant = new Date(createdAt!);
  if (Number.isNaN(instant.getTime()) || !uuidSchema.safeParse(id).success) throw invalidInput('Invalid cursor.', 'after');
  return { createdAt: instant, id: id! };
}

/**
 * One page of invoices with the total count.
 * @param request - filters and page
 * @param deps - invoice storage
 */
export async function listInvoicesHandler(request: ListInvoicesRequest__Output, deps: Pick<FinanceDeps, 'invoices'>): Promise<ListInvoicesResponse> {
  const { status, patientId, page } = parseRequest(listInvoicesSchema, request);
  const filter = { ...(status ? { status } : {}), ...(patientId ? { patientId } : {}) };
  const limit = pageSize(page.first);
  const after = positionFrom(page.after);
  // One row more than the page tells whether another page follows.
  const [rows, totalCount] = await Promise.all([deps.invoices.list({ ...filter, ...(after ? { after } : {}), limit: limit + 1 }), deps.invoices.count(filter)]);
  const invoices = rows.slice(0, limit);
  const cursors = invoices.map(cursorOf);
  return {
    invoices: invoices.map(toProtoInvoice),
    cursors,
    pageInfo: { endCursor: cursors.at(-1) ?? '', hasNextPage: rows.length > limit, totalCount },
  };
}
